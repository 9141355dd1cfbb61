/** Extra commands for the component-test backend; returns NOT_HANDLED for
 * anything it does not know so the main fake can report it. */
import { NOT_HANDLED } from './notHandled';

export function handle(cmd: string, args: Record<string, unknown>): unknown {
  void cmd;
  void args;
  return NOT_HANDLED;
}
