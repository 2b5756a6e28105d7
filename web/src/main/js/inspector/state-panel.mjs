// The side panel: the selected node (kind, component, ports, numbers) and its live state, read
// through the node's LiveMemoryStateHandle (subscribe marks it stale; it is redrawn on the next
// tick) and editable: a value is edited as JSON and stored with handle.set.
import { editableJson, preview } from './preview.mjs';

const KIND_TEXT = { js: 'JavaScript actor', java: 'Java component', graph: 'Subgraph' };

function element(tag, className, content) {
  const result = document.createElement(tag);
  if (className) result.className = className;
  if (content !== undefined) result.textContent = content;
  return result;
}

export class StatePanel {
  constructor(container, net) {
    this.container = container;
    this.net = net;
    this.nodeId = null;
    this.handle = null;
    this.unsubscribe = null;
    this.stale = false;
    this.editing = null;
    this.showEmpty();
  }

  showEmpty() {
    this.container.replaceChildren(element('p', 'tfi-empty', 'Click a node to see its live state. Double-click a subgraph to open it in place.'));
  }

  select(model, id) {
    this.release();
    this.nodeId = id;
    this.editing = null;
    if (id === null) {
      this.showEmpty();
      return;
    }
    try {
      this.handle = this.net.state(id);
      this.unsubscribe = this.handle.subscribe(() => { this.stale = true; });
    } catch {
      this.handle = null;
    }
    this.build(model);
  }

  build(model) {
    const node = model.nodes.get(this.nodeId);
    if (!node) {
      this.release();
      this.nodeId = null;
      this.showEmpty();
      return;
    }
    const heading = element('h3', '', node.id);
    const sub = element('div', 'tfi-sub', `${KIND_TEXT[node.kind] || node.kind} · ${node.component}`);
    this.numbers = element('dl');
    this.stateBody = element('tbody');
    const table = element('table', 'tfi-state');
    table.setAttribute('data-teaflow-state', node.id);
    table.appendChild(this.stateBody);
    const add = element('form', 'tfi-add');
    const keyInput = element('input');
    keyInput.placeholder = 'key';
    keyInput.setAttribute('aria-label', 'new key');
    const valueInput = element('input');
    valueInput.placeholder = 'JSON value';
    valueInput.setAttribute('aria-label', 'new value (JSON)');
    const addButton = element('button', '', 'Set');
    addButton.type = 'submit';
    add.append(keyInput, valueInput, addButton);
    this.problem = element('div', 'tfi-problem');
    add.addEventListener('submit', event => {
      event.preventDefault();
      if (keyInput.value === '') {
        this.problem.textContent = 'a key is needed';
        return;
      }
      if (this.store(keyInput.value, valueInput.value)) {
        keyInput.value = '';
        valueInput.value = '';
      }
    });
    const stateTitle = element('div', 'tfi-sub', 'Live state');
    this.container.replaceChildren(heading, sub, this.numbers, stateTitle, table, add, this.problem);
    this.update(model, true);
  }

  /** Parses `text` as JSON and stores it; shows the problem instead if it is not JSON. */
  store(key, text) {
    let value;
    try {
      value = JSON.parse(text);
    } catch (error) {
      this.problem.textContent = `not JSON: ${error.message}`;
      return false;
    }
    try {
      this.handle.set(key, value);
      this.problem.textContent = '';
      return true;
    } catch (error) {
      this.problem.textContent = `could not set ${key}: ${error && error.message}`;
      return false;
    }
  }

  update(model, force = false) {
    if (this.nodeId === null) return;
    const node = model.nodes.get(this.nodeId);
    if (!node) {
      this.select(model, null);
      return;
    }
    const numbers = [['runs', node.runs], ['queued', node.queued], ['errors', node.errors], ['pending run', node.running ? 'yes' : 'no'],
      ['packets via connections', node.received], ['inports', node.inports.join(', ') || '—'], ['outports', node.outports.join(', ') || '—']];
    const signature = JSON.stringify(numbers);
    if (signature !== this.numbersShown) {
      this.numbersShown = signature;
      const rows = [];
      for (const [name, value] of numbers) rows.push(element('dt', '', name), element('dd', '', String(value)));
      this.numbers.replaceChildren(...rows);
    }
    if ((this.stale || force) && this.handle && this.editing === null) {
      this.stale = false;
      this.renderState();
    }
  }

  renderState() {
    const rows = [];
    let keys = [];
    try {
      keys = this.handle.keys();
    } catch (error) {
      this.problem.textContent = `cannot read the state: ${error && error.message}`;
    }
    for (const key of keys.slice(0, 200)) {
      let value;
      try {
        value = this.handle.get(key);
      } catch (error) {
        value = error;
      }
      const row = element('tr');
      row.setAttribute('data-key', key);
      const keyCell = element('td', 'tfi-key', key);
      const valueCell = element('td', 'tfi-value', preview(value, 160));
      const actions = element('td', 'tfi-actions');
      const json = editableJson(value);
      const edit = element('button', '', 'edit');
      edit.type = 'button';
      edit.title = json === null ? 'this value is not JSON; editing replaces it' : 'edit as JSON';
      edit.addEventListener('click', () => this.edit(row, valueCell, key, json));
      const remove = element('button', '', '×');
      remove.type = 'button';
      remove.title = `remove ${key}`;
      remove.addEventListener('click', () => {
        try {
          this.handle.remove(key);
        } catch (error) {
          this.problem.textContent = `could not remove ${key}: ${error && error.message}`;
        }
      });
      actions.append(edit, remove);
      row.append(keyCell, valueCell, actions);
      rows.push(row);
    }
    if (keys.length > 200) {
      const more = element('tr');
      more.appendChild(element('td', 'tfi-empty', `… and ${keys.length - 200} more keys`)).colSpan = 3;
      rows.push(more);
    }
    if (keys.length === 0) {
      const empty = element('tr');
      empty.appendChild(element('td', 'tfi-empty', 'no state yet')).colSpan = 3;
      rows.push(empty);
    }
    this.stateBody.replaceChildren(...rows);
  }

  edit(row, cell, key, json) {
    this.editing = key;
    const input = element('textarea');
    input.rows = 2;
    input.value = json === null ? '' : json;
    input.setAttribute('aria-label', `value of ${key} (JSON)`);
    cell.replaceChildren(input);
    input.focus();
    const finish = save => {
      if (this.editing !== key) return;
      if (save && !this.store(key, input.value)) return;
      this.editing = null;
      this.renderState();
    };
    input.addEventListener('keydown', event => {
      if (event.key === 'Enter' && !event.shiftKey) {
        event.preventDefault();
        finish(true);
      } else if (event.key === 'Escape') {
        finish(false);
      }
    });
    input.addEventListener('blur', () => finish(false));
  }

  release() {
    if (this.unsubscribe) {
      try { this.unsubscribe(); } catch { /* the network may be gone */ }
    }
    this.unsubscribe = null;
    this.handle = null;
  }
}
