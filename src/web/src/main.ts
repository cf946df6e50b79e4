import './styles.css';
import { mountServiceStatus } from './shared/service-status.js';

const status = document.querySelector<HTMLElement>('#service-status');
if (status) mountServiceStatus(status);
