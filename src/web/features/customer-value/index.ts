// Customer value: the RFM grid and segments, with the contacts of a cell or segment one click away.
export { CustomerValueRoute } from './routes/customer-value';
