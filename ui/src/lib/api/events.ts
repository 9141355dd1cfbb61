/**
 * The two things the Rust side tells the window without being asked: a
 * notice was recorded (a reminder came), and a notification was clicked
 * (show a screen). Only these two events are allowed by the capability.
 */
import { listen } from '@tauri-apps/api/event';

export interface AppEventHandlers {
  notice: () => void;
  open: (screen: string) => void;
}

/** Starts listening; resolves to a function that stops. Where there is no
 * event system (component tests, the browser fake) it quietly does nothing:
 * the bell still refreshes when the app starts and when it is opened. */
export async function listenToApp(handlers: AppEventHandlers): Promise<() => void> {
  const stops: (() => void)[] = [];
  try {
    stops.push(await listen('kindred://notice', () => handlers.notice()));
    stops.push(await listen<string>('kindred://open', (event) => handlers.open(event.payload)));
  } catch {
    // No event system here.
  }
  return () => stops.forEach((stop) => stop());
}
