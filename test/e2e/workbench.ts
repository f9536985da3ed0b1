// Drives VS Code's web workbench the way a user does: keyboard shortcuts, clicks, visible text.
// Selectors are VS Code's own DOM classes (code-server 4.139 / VS Code 1.139).
import type { Locator, Page } from 'playwright-core';

const UI_TIMEOUT = 30_000;

export class Workbench {
  constructor(readonly page: Page) {}

  /**
   * Closes what a failed test may have left open (a context menu, a dialog, a quick input): any of
   * them makes the rest of the workbench inert for the tests after it.
   */
  async dismissLeftovers(): Promise<void> {
    for (let attempt = 0; attempt < 4; attempt++) {
      const open = this.page.locator('.monaco-dialog-box, .quick-input-widget:visible, .context-view .monaco-menu');
      if ((await open.count()) === 0) return;
      await this.page.keyboard.press('Escape');
      await this.page.waitForTimeout(300);
    }
  }

  async waitUntilReady(): Promise<void> {
    await this.page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
    await this.page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: 60_000 });
  }

  /** Ctrl+P, the file's name, Enter; resolves when its editor tab is the active one. */
  async quickOpen(fileName: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: UI_TIMEOUT });
    await input.fill(fileName);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first();
    await row.waitFor({ timeout: UI_TIMEOUT });
    // Click the file's own row: Enter takes the first row, which can still be a recently opened
    // editor (a walkthrough, another file) while the list filters.
    await row.click();
    await this.activeTab(fileName).waitFor({ timeout: UI_TIMEOUT });
  }

  activeTab(fileName: string): Locator {
    return this.page.locator('.tabs-container .tab.active', { hasText: fileName });
  }

  /** Runs a command by its title from the command palette. */
  async runCommand(title: string): Promise<void> {
    const input = await this.openCommandPalette();
    await input.fill(`>${title}`);
    await this.page
      .locator('.quick-input-list .monaco-list-row', { hasText: title })
      .first()
      .waitFor({ timeout: UI_TIMEOUT });
    await this.page.keyboard.press('Enter');
  }

  /**
   * F1, once more after giving the workbench the keyboard focus if the palette did not open: after a
   * window reload nothing has the focus and the first key press can go nowhere.
   */
  private async openCommandPalette(): Promise<Locator> {
    const input = this.page.locator('.quick-input-widget input');
    await this.page.keyboard.press('F1');
    try {
      await input.waitFor({ timeout: 5_000 });
    } catch {
      await this.page.locator('.part.statusbar').click({ position: { x: 2, y: 2 } });
      await this.page.keyboard.press('F1');
      await input.waitFor({ timeout: UI_TIMEOUT });
    }
    return input;
  }

  async showProblems(): Promise<Locator> {
    await this.runCommand('View: Focus Problems');
    const panel = this.page.locator('.markers-panel');
    await panel.waitFor({ timeout: UI_TIMEOUT });
    return panel;
  }

  /** Rows of the Problems panel that contain the text. */
  problem(text: string): Locator {
    return this.page.locator('.markers-panel .monaco-list-row', { hasText: text });
  }

  /** The CodeLens entries shown in the active editor. */
  codeLenses(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor .codelens-decoration');
  }

  /**
   * Puts the cursor on the first problem in the active editor (F8 from the top). The peek that F8
   * opens stays: Escape would first dismiss any notification toast, and Ctrl+. works with it open.
   */
  async goToFirstProblem(): Promise<void> {
    await this.goToTop();
    await this.page.keyboard.press('F8');
    await this.page.locator('.marker-widget').first().waitFor({ timeout: UI_TIMEOUT });
  }

  /**
   * Ctrl+. at the cursor; resolves with the quick fix menu's entry that has the given title.
   * Pressed again while the extension is still computing fixes (the menu then says there are none).
   */
  async showQuickFix(title: string): Promise<Locator> {
    const fix = this.page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
    const deadline = Date.now() + UI_TIMEOUT;
    for (;;) {
      await this.page.keyboard.press('Control+.');
      try {
        await fix.waitFor({ timeout: 3_000 });
        return fix;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await this.page.keyboard.press('Escape');
      }
    }
  }

  /**
   * Moves the cursor to line 1 with Go to Line (Ctrl+Home would go to whatever holds the focus,
   * e.g. an open problem peek): CodeLens is rendered only for visible lines.
   */
  async goToTop(): Promise<void> {
    await this.focusEditor();
    const input = await this.openCommandPalette();
    await input.fill(':1');
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
  }

  /** Moves the keyboard focus to the active editor (a click could land on its sticky scroll header). */
  async focusEditor(): Promise<void> {
    await this.runCommand('View: Focus Active Editor Group');
    await this.page.locator('.editor-group-container.active .monaco-editor.focused').waitFor({ timeout: UI_TIMEOUT });
  }

  /** Clicks a view container's icon in the activity bar; resolves when the side bar shows it. */
  async openViewContainer(title: string): Promise<Locator> {
    await this.page.locator(`.activitybar .action-item a[aria-label^="${title}"]`).first().click();
    const sideBar = this.page.locator('.part.sidebar');
    await sideBar.locator('.composite.title', { hasText: new RegExp(title, 'i') }).waitFor({ timeout: UI_TIMEOUT });
    return sideBar;
  }

  /** A view in the side bar, by its name (its header is hidden when it is the container's only view). */
  view(sideBar: Locator, name: string): Locator {
    return sideBar.locator('.pane', { has: this.page.locator(`.pane-header[aria-label^="${name}"]`) });
  }
}

/** Waits for the quick input whose prompt or placeholder mentions `prompt`, types the answer, Enter. */
export async function answerInput(page: Page, prompt: string, answer: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await widget.filter({ hasText: prompt }).or(widget.locator(`input[placeholder*="${prompt}"]`)).first().waitFor({ timeout: UI_TIMEOUT });
  await widget.locator('input.input, .quick-input-box input').first().fill(answer);
  // A quick pick shows the typed value as its first row a moment after typing.
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
}
