import type { DataSource } from 'typeorm';
import { SECTORS, Sector } from '@dueflow/domain';
import { hashPassword } from '../credentials';
import { NewUser, UserStore } from '../repositories/user.store';

export const DEFAULT_DEMO_PASSWORD = 'dueflow-demo';

type DemoAccount = Omit<NewUser, 'passwordHash'>;

const ALL: Sector[] = [...SECTORS];
const HARD_TECH: Sector[] = ['high_end_equipment', 'integrated_circuits', 'artificial_intelligence', 'robotics', 'connected_vehicles', 'other'];
const GREEN_AND_HEALTH: Sector[] = ['new_energy_materials', 'medical_devices', 'digital_economy', 'other'];

/** The local stack's people: enough to run a project through every step, including dual approval. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'officer@dueflow.local', name: 'Olivia Officer', roles: ['officer'] },
  { email: 'manager@dueflow.local', name: 'Marcus Manager', roles: ['manager'] },
  { email: 'manager2@dueflow.local', name: 'Mei Manager', roles: ['manager'] },
  { email: 'admin@dueflow.local', name: 'Ada Admin', roles: ['admin'] },
  { email: 'expert1@dueflow.local', name: 'Erik Expert', roles: ['reviewer'], reviewer: { tracks: ['expert'], sectors: HARD_TECH, affiliation: 'Institute of Advanced Manufacturing', maxOpenTasks: 25 } },
  { email: 'expert2@dueflow.local', name: 'Elena Expert', roles: ['reviewer'], reviewer: { tracks: ['expert'], sectors: ALL, affiliation: 'Provincial Industry Association', maxOpenTasks: 25 } },
  { email: 'vc1@dueflow.local', name: 'Victor Venture', roles: ['reviewer'], reviewer: { tracks: ['vc'], sectors: HARD_TECH, affiliation: 'Riverside Capital', maxOpenTasks: 25 } },
  { email: 'vc2@dueflow.local', name: 'Vera Venture', roles: ['reviewer'], reviewer: { tracks: ['vc'], sectors: GREEN_AND_HEALTH, affiliation: 'Summit Ventures', maxOpenTasks: 25 } },
  { email: 'academic1@dueflow.local', name: 'Alan Academic', roles: ['reviewer'], reviewer: { tracks: ['academic'], sectors: ALL, affiliation: 'Eastern University of Technology', maxOpenTasks: 25 } },
  { email: 'academic2@dueflow.local', name: 'Amara Academic', roles: ['reviewer'], reviewer: { tracks: ['academic'], sectors: GREEN_AND_HEALTH, affiliation: 'Coastal Polytechnic', maxOpenTasks: 25 } },
];

/** Creates the demo accounts that are missing; existing ones (and their passwords) are left alone. */
export async function seedDemoAccounts(dataSource: DataSource, password: string): Promise<{ created: string[] }> {
  const users = new UserStore(dataSource);
  const passwordHash = await hashPassword(password);
  const created: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    if (await users.create({ ...account, passwordHash })) created.push(account.email);
  }
  return { created };
}
