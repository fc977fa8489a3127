// The side panel (also the toolbar popup's page).
import { setupKeygen } from './keygen.js';

setupKeygen(document);
