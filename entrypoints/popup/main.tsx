import { mountRoutineView } from './mount';

mountRoutineView({ inWindow: new URLSearchParams(location.search).get('view') === 'window' });
