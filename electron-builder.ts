// electron-builder reads this file (`npm run package:win`, `npm run package:mac`); the configuration lives in packaging/.
import { builderConfig } from './packaging/builder-config';

export default builderConfig;
