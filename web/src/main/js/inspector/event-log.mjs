// The event log: the network's last events in a ring buffer (the listeners only store them),
// drawn on the inspector's tick, filtered by type and by a text that must appear in the line.
import { preview } from './preview.mjs';

const CAPACITY = 400;
const SHOWN = 200;

export class EventLog {
  constructor(container) {
    this.buffer = new Array(CAPACITY);
    this.next = 0;
    this.count = 0;
    this.changed = false;
    this.paused = false;
    this.types = { data: true, error: true, lifecycle: true };
    this.filter = '';
    const bar = document.createElement('div');
    bar.className = 'tfi-log-bar';
    const title = document.createElement('strong');
    title.textContent = 'Events';
    bar.appendChild(title);
    for (const [type, label] of [['data', 'packets'], ['error', 'errors'], ['lifecycle', 'start / stop / idle']]) {
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = true;
      box.setAttribute('data-filter', type);
      box.addEventListener('change', () => { this.types[type] = box.checked; this.changed = true; });
      const wrap = document.createElement('label');
      wrap.append(box, document.createTextNode(label));
      bar.appendChild(wrap);
    }
    const search = document.createElement('input');
    search.type = 'search';
    search.placeholder = 'filter: node, port, value';
    search.setAttribute('aria-label', 'filter events');
    search.addEventListener('input', () => { this.filter = search.value.toLowerCase(); this.changed = true; });
    const pause = document.createElement('button');
    pause.type = 'button';
    pause.textContent = 'Pause';
    pause.addEventListener('click', () => {
      this.paused = !this.paused;
      pause.textContent = this.paused ? 'Resume' : 'Pause';
      this.changed = true;
    });
    const clear = document.createElement('button');
    clear.type = 'button';
    clear.textContent = 'Clear';
    clear.addEventListener('click', () => { this.count = 0; this.changed = true; });
    bar.append(search, pause, clear);
    this.list = document.createElement('ol');
    this.list.setAttribute('data-teaflow-log', '');
    container.append(bar, this.list);
    this.started = performance.now();
  }

  /** Called from the network's listeners: only stores. */
  add(event) {
    if (this.paused) return;
    // A run of lifecycle events (a busy network goes idle after every burst) is one line.
    const last = this.count ? this.buffer[(this.next - 1 + CAPACITY) % CAPACITY] : null;
    if (last && last.event.type === event.type && event.type !== 'data' && event.type !== 'error') {
      last.repeats++;
      last.time = performance.now();
      this.changed = true;
      return;
    }
    this.buffer[this.next] = { time: performance.now(), event, repeats: 1 };
    this.next = (this.next + 1) % CAPACITY;
    if (this.count < CAPACITY) this.count++;
    this.changed = true;
  }

  render() {
    if (!this.changed) return;
    this.changed = false;
    const lines = [];
    for (let i = 0; i < this.count && lines.length < SHOWN; i++) {
      const entry = this.buffer[(this.next - 1 - i + CAPACITY) % CAPACITY];
      const group = entry.event.type === 'data' ? 'data' : entry.event.type === 'error' ? 'error' : 'lifecycle';
      if (!this.types[group]) continue;
      const what = describe(entry.event) + (entry.repeats > 1 ? ` ×${entry.repeats}` : '');
      if (this.filter && !what.toLowerCase().includes(this.filter)) continue;
      const line = document.createElement('li');
      line.setAttribute('data-type', entry.event.type);
      const time = document.createElement('span');
      time.className = 'tfi-t';
      time.textContent = `${((entry.time - this.started) / 1000).toFixed(3)}s`;
      const text = document.createElement('span');
      text.className = 'tfi-what';
      text.textContent = what;
      line.append(time, text);
      lines.push(line);
    }
    this.list.replaceChildren(...lines);
  }
}

function describe(event) {
  switch (event.type) {
    case 'data': {
      const from = event.from ? `${event.from.node}.${event.from.port}` : 'outside';
      return `data  ${from} → ${event.node}.${event.port}  ${preview(event.value, 100)}`;
    }
    case 'error':
      return `error ${event.node}: ${preview(event.message, 300).replace(/^"|"$/g, '')}`;
    default:
      return event.type;
  }
}
