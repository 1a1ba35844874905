import { useEffect, useRef } from 'react';
import { basicSetup } from 'codemirror';
import { json } from '@codemirror/lang-json';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { Annotation, EditorState, Compartment } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { Issue } from '../../../lib/graphql.ts';
import { locatePointers, spanOf } from './json-locate.ts';

/** Marks a change that came from the document prop, not from typing: it is not reported back. */
const fromProps = Annotation.define<boolean>();

/** A place in the document to put the cursor on; `seq` makes a second click on the same issue jump again. */
export interface JumpTarget {
  pointer: string;
  seq: number;
}

export interface CodeEditorProps {
  text: string;
  readOnly: boolean;
  label: string;
  issues: readonly Issue[];
  jumpTo: JumpTarget | null;
  invalid: boolean;
  describedBy?: string;
  onText(text: string): void;
}

/** Diagnostics for the server's issues, each at the member its pointer names (or the nearest one written). */
function diagnosticsFor(text: string, issues: readonly Issue[]): Diagnostic[] {
  const spans = locatePointers(text);
  return issues.flatMap((i) => {
    const span = spanOf(spans, i.pointer);
    if (!span) return [];
    return [{ from: Math.min(span.from, text.length), to: Math.min(span.to, text.length), severity: 'error' as const, message: i.message }];
  });
}

/**
 * CodeMirror 6 on a JSON text: highlighting, folding, bracket matching, search, and the server's
 * issues as lint diagnostics (underlined, in the gutter, on hover). Loaded on demand with the
 * JSON tab, so the main bundle does not carry it.
 */
export default function CodeEditor({ text, readOnly, label, issues, jumpTo, invalid, describedBy, onText }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onTextRef = useRef(onText);
  onTextRef.current = onText;
  const editable = useRef(new Compartment());
  const attributes = useRef(new Compartment());

  useEffect(() => {
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: text,
        extensions: [
          basicSetup,
          json(),
          lintGutter(),
          EditorView.lineWrapping,
          editable.current.of([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
          attributes.current.of(EditorView.contentAttributes.of({ 'aria-label': label, 'data-testid': 'json-editor' })),
          EditorView.updateListener.of((u) => { if (u.docChanged && !u.transactions.some((tr) => tr.annotation(fromProps))) onTextRef.current(u.state.doc.toString()); }),
        ],
      }),
    });
    view.current = v;
    return () => { v.destroy(); view.current = null; };
    // the view is made once; later props reach it through the effects below
  }, []);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== text) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: text }, annotations: fromProps.of(true) });
  }, [text]);

  useEffect(() => {
    view.current?.dispatch({ effects: editable.current.reconfigure([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]) });
  }, [readOnly]);

  useEffect(() => {
    const attrs: Record<string, string> = { 'aria-label': label, 'data-testid': 'json-editor' };
    if (invalid) attrs['aria-invalid'] = 'true';
    if (describedBy) attrs['aria-describedby'] = describedBy;
    view.current?.dispatch({ effects: attributes.current.reconfigure(EditorView.contentAttributes.of(attrs)) });
  }, [label, invalid, describedBy]);

  useEffect(() => {
    const v = view.current;
    if (v) v.dispatch(setDiagnostics(v.state, diagnosticsFor(v.state.doc.toString(), issues)));
  }, [issues]);

  useEffect(() => {
    const v = view.current;
    if (!v || !jumpTo) return;
    const span = spanOf(locatePointers(v.state.doc.toString()), jumpTo.pointer);
    if (!span) return;
    v.dispatch({ selection: { anchor: span.from, head: span.to }, effects: EditorView.scrollIntoView(span.from, { y: 'center' }) });
    v.focus();
  }, [jumpTo]);

  return <div className="code-editor" ref={host} />;
}
