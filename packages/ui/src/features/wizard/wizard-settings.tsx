import { createContext, useContext, type ReactNode } from 'react';

/**
 * What the app tells the wizard: where to open, how to keep the step reached (in the draft), and what
 * sending the application does. Steps are numbered by their place among all the Categorization's
 * steps, hidden or not; the number of steps is the review page.
 */
export interface WizardSettings {
  /** The step to show, when the app keeps it (controlled); otherwise the wizard keeps it itself. */
  step?: number;
  /** Where an uncontrolled wizard opens: the step a restored draft reached. */
  initialStep?: number;
  /** Called with every step the person reaches (the review page included), to save it with the draft. */
  onStepChange?: (step: number) => void;
  /** The app's submit action, offered on the review page once every shown step is answered. */
  onSubmit?: (data: unknown) => void | Promise<unknown>;
  /** The submit button's text when the app has a better one than "Send application". */
  submitLabel?: string;
}

const WizardSettingsContext = createContext<WizardSettings>({});

/** Gives the wizard of the form inside its settings: `<WizardSettingsProvider step=... ><TongbanForm .../>`. */
export function WizardSettingsProvider({ children, ...settings }: WizardSettings & { children: ReactNode }) {
  return <WizardSettingsContext.Provider value={settings}>{children}</WizardSettingsContext.Provider>;
}

export const useWizardSettings = (): WizardSettings => useContext(WizardSettingsContext);
