/** Tongban's typed HTTP client (generated types over openapi-fetch). */
export {};
