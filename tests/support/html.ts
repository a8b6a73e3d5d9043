import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';

/** A parsed HTML page or fragment. */
export function parseHtml(html: string): Root {
  return fromHtml(html);
}

/** Every element under `node` (document order) for which `test` holds. */
export function findAll(node: Root | Element, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  const visit = (child: Root | RootContent) => {
    if (child.type === 'element') {
      if (test(child)) found.push(child);
      child.children.forEach(visit);
      if (child.content) visit(child.content as unknown as Root);
    } else if (child.type === 'root') child.children.forEach(visit);
  };
  visit(node);
  return found;
}

/** Whether `element` has every class in `names`. */
export function hasClass(element: Element, ...names: string[]): boolean {
  const classes = element.properties['className'];
  return Array.isArray(classes) && names.every((name) => classes.includes(name));
}

/**
 * Text of `node`; `skip` leaves out elements (for example visually hidden words or deletions, to read the
 * new side of a redline). Whitespace collapsed.
 */
export function textOf(node: Root | Element, skip: (element: Element) => boolean = () => false): string {
  let text = '';
  const visit = (child: Root | RootContent) => {
    if (child.type === 'text') text += child.value;
    else if (child.type === 'element') {
      if (!skip(child)) child.children.forEach(visit);
    } else if (child.type === 'root') child.children.forEach(visit);
  };
  visit(node);
  return text.replace(/\s+/gu, ' ').trim();
}
