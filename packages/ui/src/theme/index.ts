export {
  tongbanTheme,
  tongbanCssVariables,
  rootFontSize,
  browserFontSize,
  largeTextFactor,
} from './theme.js';
export { TongbanProvider, type TongbanProviderProps } from './provider.js';
