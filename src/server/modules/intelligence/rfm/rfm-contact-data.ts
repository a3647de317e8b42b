// RFM scores as part of a contact's data: in their export, gone on erasure, dropped on a merge (the next daily run
// scores the survivor with the merged orders).
import { registerContactRowParticipant } from '../contact-row-participant.js';

registerContactRowParticipant('rfm', 'rfm_scores');
