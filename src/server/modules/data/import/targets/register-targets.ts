// Loads every built-in import target so it registers itself (contacts, companies, interactions).
import './contact-target.js';
