// Two teams and a rep who sees only their own team (role sales set to own_team), for the visibility-leak tests:
// a company owned by team A with a contact of each team, notes and tasks on each, and a team-B-only contact.
import type { TestApp } from './test-app.js';

export interface VisibilityFixture {
  teamA: string;
  teamB: string;
  repA: { id: string; headers: Record<string, string> };
  repB: { id: string; headers: Record<string, string> };
  /** Owned by rep A (team A): the rep sees it. */
  company: string;
  /** At the company, owned by rep A. */
  visible: string;
  /** At the company, owned by rep B (team B): hidden from rep A. */
  hidden: string;
  /** A note on the hidden contact (so also on the company's timeline). */
  hiddenNote: string;
  visibleNote: string;
  /** A note on the company alone. */
  companyNote: string;
}

export async function makeVisibilityFixture(t: TestApp, tag: string): Promise<VisibilityFixture> {
  const post = async (url: string, body: unknown, headers = t.admin) => {
    const res = await t.json('POST', `/api/v1${url}`, headers, body);
    if (res.status !== 201) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const put = await t.json('PUT', '/api/v1/roles/sales', t.admin, { visibility: 'own_team' });
  if (put.status !== 200) throw new Error(`roles: ${put.status}`);
  const teamA = await post('/teams', { name: `A ${tag}` });
  const teamB = await post('/teams', { name: `B ${tag}` });
  const rep = async (name: string, teamId: string) => {
    const email = `${name}-${tag}@example.com`.toLowerCase();
    const id = await post('/users', { email, name: `${name} ${tag}`, password: 'rep-password-1', role: 'sales', teamId });
    return { id, headers: await t.login(email, 'rep-password-1') };
  };
  const repA = await rep('RepA', teamA);
  const repB = await rep('RepB', teamB);
  const company = await post('/companies', { name: `Shared Co ${tag}`, ownerId: repA.id });
  const visible = await post('/contacts', { displayName: `Visible Person ${tag}`, companyId: company, ownerId: repA.id, emails: [`visible-${tag}@example.com`.toLowerCase()] });
  const hidden = await post('/contacts', { displayName: `Hidden Person ${tag}`, companyId: company, ownerId: repB.id, emails: [`hidden-${tag}@example.com`.toLowerCase()], address: { street: '1 Secret Road', city: 'Hangzhou' } });
  const hiddenNote = await post('/interactions', { type: 'note', contactId: hidden, subject: 'SECRET subject', body: 'SECRET body of team B' });
  const visibleNote = await post('/interactions', { type: 'note', contactId: visible, subject: 'Open subject', body: 'A note the rep may read' });
  const companyNote = await post('/interactions', { type: 'note', companyId: company, subject: 'Company subject', body: 'About the company' });
  return { teamA, teamB, repA, repB, company, visible, hidden, hiddenNote, visibleNote, companyNote };
}

/** Everything a response said, as one string, to assert that no trace of a hidden record is in it. */
export const text = (body: unknown) => JSON.stringify(body);
