// The first-run welcome, shown by Orders while the cache is empty.
export { FirstRun } from './FirstRun';
