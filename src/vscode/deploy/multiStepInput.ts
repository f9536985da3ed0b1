import * as vscode from 'vscode';

// A guided input of several steps with a Back button, after VS Code's own multi-step sample: each
// step is a function that shows one quick pick or input box and returns the next step. Back runs
// the previous step again; Escape ends the whole input.

export type Step = (input: MultiStepInput) => Promise<Step | undefined>;

class BackSignal {}
class CancelSignal {}

/** Items loaded for a pick, with the placeholder to show once they are there (e.g. why none could be listed). */
export interface LoadedItems<T extends vscode.QuickPickItem> {
  items: readonly T[];
  placeholder?: string;
}

export interface PickStep<T extends vscode.QuickPickItem> {
  title: string;
  placeholder: string;
  /** Items, or a promise of them: the pick shows as busy until they are there. */
  items: readonly T[] | Promise<readonly T[] | LoadedItems<T>>;
  /** Turns what the user typed into an item shown first, so a new name can be entered; undefined shows none. */
  typed?: (value: string) => T | undefined;
  activeLabel?: string;
}

export interface InputStep {
  title: string;
  prompt: string;
  value?: string;
  placeholder?: string;
  password?: boolean;
  /** A message when the value cannot be used; undefined accepts it. */
  validate?: (value: string) => string | undefined;
}

export class MultiStepInput {
  private readonly history: Step[] = [];
  private current?: vscode.QuickInput;

  constructor(private readonly totalSteps: number) {}

  /** Runs the steps from `first`; false when the user cancelled. */
  static async run(first: Step, totalSteps: number): Promise<boolean> {
    return new MultiStepInput(totalSteps).stepThrough(first);
  }

  private async stepThrough(first: Step): Promise<boolean> {
    let step: Step | undefined = first;
    while (step) {
      this.history.push(step);
      try {
        step = await step(this);
      } catch (signal) {
        if (signal instanceof BackSignal) {
          this.history.pop();
          step = this.history.pop();
        } else if (signal instanceof CancelSignal) {
          return false;
        } else {
          throw signal;
        }
      } finally {
        this.current?.dispose();
        this.current = undefined;
      }
    }
    return true;
  }

  async pick<T extends vscode.QuickPickItem>(step: PickStep<T>): Promise<T> {
    const picker = vscode.window.createQuickPick<T>();
    picker.title = step.title;
    picker.placeholder = step.placeholder;
    picker.step = this.history.length;
    picker.totalSteps = this.totalSteps;
    picker.ignoreFocusOut = true;
    picker.matchOnDescription = true;
    if (this.history.length > 1) picker.buttons = [vscode.QuickInputButtons.Back];
    let loaded: readonly T[] = [];
    const show = () => {
      const typed = step.typed?.(picker.value.trim());
      picker.items = typed && !loaded.some((item) => item.label === typed.label) ? [typed, ...loaded] : [...loaded];
    };
    picker.busy = true;
    void Promise.resolve(step.items).then(
      (answer) => {
        const items = 'items' in answer ? answer.items : answer;
        if ('items' in answer && answer.placeholder) picker.placeholder = answer.placeholder;
        loaded = items;
        picker.busy = false;
        show();
        const active = items.find((item) => item.label === step.activeLabel);
        if (active) picker.activeItems = [active];
      },
      () => {
        picker.busy = false;
        show();
      },
    );
    show();
    return this.show(picker, (resolve) => {
      picker.onDidChangeValue(show);
      picker.onDidAccept(() => {
        const chosen = picker.selectedItems[0] ?? picker.activeItems[0];
        if (chosen) resolve(chosen);
      });
    });
  }

  async input(step: InputStep): Promise<string> {
    const box = vscode.window.createInputBox();
    box.title = step.title;
    box.prompt = step.prompt;
    box.value = step.value ?? '';
    box.placeholder = step.placeholder;
    box.password = step.password ?? false;
    box.step = this.history.length;
    box.totalSteps = this.totalSteps;
    box.ignoreFocusOut = true;
    if (this.history.length > 1) box.buttons = [vscode.QuickInputButtons.Back];
    return this.show(box, (resolve) => {
      box.onDidChangeValue((value) => (box.validationMessage = step.validate?.(value.trim())));
      box.onDidAccept(() => {
        const value = box.value.trim();
        const problem = step.validate?.(value);
        box.validationMessage = problem;
        if (!problem) resolve(value);
      });
    });
  }

  private show<T>(input: vscode.QuickInput & { onDidTriggerButton: vscode.Event<vscode.QuickInputButton> }, wire: (resolve: (value: T) => void) => void): Promise<T> {
    this.current?.dispose();
    this.current = input;
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const settle = (action: () => void) => {
        if (settled) return;
        settled = true;
        action();
      };
      wire((value) => settle(() => resolve(value)));
      input.onDidTriggerButton((button) => {
        if (button === vscode.QuickInputButtons.Back) settle(() => reject(new BackSignal()));
      });
      input.onDidHide(() => settle(() => reject(new CancelSignal())));
      input.show();
    });
  }
}
