/**
 * Two people, one court server, one case, both offline: the clerk and the judge (two browser
 * contexts, two IndexedDB replicas of the built app) log in through Settings against a real sync
 * server started here (demo accounts and demo court seeded exactly as `npm start` does), go
 * offline, correct different parties of the same case, come back online, and both screens show
 * both corrections; after a reload they are still there.
 */
import { loginToServer } from './support/app.js';
import { startDevServer, type DevServer } from './support/dev-server.js';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';

test.describe.configure({ timeout: 240_000 });

const COURT_ID = 'tand-kv1-vinhlong';
let server: DevServer | undefined;
let serverUrl: string;


test.beforeAll(async () => {
  server = await startDevServer('sync');
  serverUrl = server.url;
});

test.afterAll(async () => {
  await server?.stop();
});

async function openAndLogin(context: BrowserContext, user: string, password: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByTestId('demo-banner')).toBeVisible({ timeout: 120_000 });
  await loginToServer(page, { serverUrl, court: COURT_ID, user, password });
  // The first catch-up: the locally generated demo and the server's copy are identical docs.
  const status = page.getByTestId('sync-status');
  await expect(status).toHaveAttribute('data-pending', '0');
  await expect(status).toContainText('Đã đồng bộ');
  return page;
}

function partyCard(page: Page, name: string) {
  return page.getByTestId('party').filter({ has: page.getByTestId('party-name').getByText(name, { exact: true }) }).first();
}

async function correctAddress(page: Page, name: string, address: string): Promise<void> {
  await partyCard(page, name).getByTestId('party-edit').click();
  const dialog = page.getByTestId('party-dialog');
  await dialog.getByLabel('Địa chỉ', { exact: true }).fill(address);
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  await expect(partyCard(page, name).getByTestId('party-address')).toHaveText(address);
}

test('clerk and judge edit the same case offline; both edits reach both screens and survive a reload', async ({ browser }) => {
  const clerkAddress = `Số 12 đường 2 Tháng 9, Phường 1 (thư ký sửa ${Date.now()})`;
  const judgeAddress = `Ấp Tân Hưng, xã Long Hồ (thẩm phán sửa ${Date.now()})`;

  const clerkContext = await browser.newContext();
  const judgeContext = await browser.newContext();
  try {
    const clerk = await openAndLogin(clerkContext, 'thuky', 'thuky-demo');
    const judge = await openAndLogin(judgeContext, 'thamphan', 'thamphan-demo');
    // The clerk opens the first case of the register; the judge opens the same one.
    await clerk.getByTestId('nav-cases').click();
    await clerk.getByTestId('case-row').first().click();
    await expect(clerk.getByTestId('case-file')).toBeVisible();
    const names = [...new Set(await clerk.getByTestId('party-name').allTextContents())].map((n) => n.trim());
    expect(names.length).toBeGreaterThanOrEqual(2);
    const first = { fullName: names[0]! };
    const second = { fullName: names[1]! };
    await judge.goto(new URL(clerk.url()).hash ? `/${new URL(clerk.url()).hash}` : '/');
    await expect(judge.getByTestId('case-file')).toBeVisible();
    // Presence: each sees the other in the case file (live room awareness).
    await expect(clerk.getByTestId('presence-peer')).toContainText('thamphan', { timeout: 30_000 });
    await expect(judge.getByTestId('presence-peer')).toContainText('thuky', { timeout: 30_000 });

    await clerkContext.setOffline(true);
    await judgeContext.setOffline(true);
    await expect(clerk.getByTestId('sync-status')).toHaveAttribute('data-phase', 'offline');
    await correctAddress(clerk, first.fullName, clerkAddress);
    await correctAddress(judge, second.fullName, judgeAddress);
    await expect(clerk.getByTestId('sync-status')).toContainText('1 vụ án chưa đồng bộ');
    await expect(judge.getByTestId('sync-status')).toContainText('1 vụ án chưa đồng bộ');

    await clerkContext.setOffline(false);
    await judgeContext.setOffline(false);
    for (const page of [clerk, judge]) {
      await expect(partyCard(page, first.fullName).getByTestId('party-address')).toHaveText(clerkAddress, { timeout: 60_000 });
      await expect(partyCard(page, second.fullName).getByTestId('party-address')).toHaveText(judgeAddress, { timeout: 60_000 });
      await expect(page.getByTestId('sync-status')).toHaveAttribute('data-pending', '0', { timeout: 60_000 });
    }

    for (const page of [clerk, judge]) {
      await page.reload();
      await expect(page.getByTestId('case-file')).toBeVisible({ timeout: 60_000 });
      await expect(partyCard(page, first.fullName).getByTestId('party-address')).toHaveText(clerkAddress);
      await expect(partyCard(page, second.fullName).getByTestId('party-address')).toHaveText(judgeAddress);
      // Still logged in (the session is remembered) and nothing pending.
      await expect(page.getByTestId('sync-status')).toHaveAttribute('data-pending', '0', { timeout: 60_000 });
    }
  } finally {
    await clerkContext.close();
    await judgeContext.close();
  }
});
