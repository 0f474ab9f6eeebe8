/** For the TypeORM CLI only (migration:generate / revert): `DATABASE_URL` must be set. */
import { createDataSource } from './data-source';

const url = process.env['DATABASE_URL'];
if (!url) throw new Error('DATABASE_URL must be set for the TypeORM CLI');
export default createDataSource({ url, poolSize: 1, applicationName: 'dueflow-cli' });
