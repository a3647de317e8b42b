// Loads every built-in import target so it registers itself (contacts, companies, interactions).
import './contact-target.js';
import './company-target.js';
import './interaction-target.js';
