// Customer value: the RFM grid and segments, lifetime value and profitability, and the 7P analysis, with the contacts
// behind a cell, segment or bar one click away.
export { CustomerValueRoute } from './routes/customer-value';
export { SevenPRoute } from './routes/seven-p';
