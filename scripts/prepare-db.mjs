import { prepareDatabase } from './lib.mjs';

prepareDatabase();
