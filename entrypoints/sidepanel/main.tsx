import { mountRoutineView } from '../popup/mount';

mountRoutineView({ inWindow: false, inPanel: true });
