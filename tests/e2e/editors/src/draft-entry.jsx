// Real Draft.js editor (what X uses) for the x.com / twitter.com fixture page.
import React, { useState, useRef } from "react";
import { createRoot } from "react-dom/client";
import { Editor, EditorState, getDefaultKeyBinding } from "draft-js";
import "draft-js/dist/Draft.css";

function Composer({ onText, onSubmit, label, testId, buttonTestId, buttonText, enterSubmits }) {
  const [state, setState] = useState(() => EditorState.createEmpty());
  const stateRef = useRef(state);
  const text = () => stateRef.current.getCurrentContent().getPlainText("\n");
  const change = (s) => { stateRef.current = s; setState(s); onText(s.getCurrentContent().getPlainText("\n")); };
  const keyBindingFn = (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === "Enter") return "x-submit";
    if (enterSubmits && e.key === "Enter" && !e.shiftKey) return "x-submit";   // direct messages
    return getDefaultKeyBinding(e);
  };
  const handleKeyCommand = (cmd) => {
    if (cmd === "x-submit") { onSubmit(text(), "keyboard"); return "handled"; }
    return "not-handled";
  };
  return (
    <div className="x-composer">
      <div className="x-editor">
        <Editor editorState={state} onChange={change} keyBindingFn={keyBindingFn}
          handleKeyCommand={handleKeyCommand} placeholder={label}
          ariaLabel={label} webDriverTestID={testId || "tweetTextarea_0"} role="textbox" spellCheck={true} />
      </div>
      <div className="x-toolbar">
        <div role="button" tabIndex={0} data-testid={buttonTestId || "tweetButtonInline"} className="x-post"
          onClick={() => onSubmit(text(), "click")}><span>{buttonText || "Julkaise"}</span></div>
      </div>
    </div>
  );
}

// -> the React root (root.unmount() removes the composer, as an SPA navigation does)
window.mountDraft = function mountDraft(el, opts) {
  const root = createRoot(el);
  root.render(<Composer {...opts} />);
  return root;
};

// A React-controlled <textarea> (Instagram's caption): the value lives in React state.
function ControlledTextarea({ onText, label, id, className }) {
  const [value, setValue] = useState("");
  return <textarea id={id} className={className} aria-label={label} placeholder={label} value={value}
    onChange={(e) => { setValue(e.target.value); onText(e.target.value); }} />;
}

window.mountTextarea = function mountTextarea(el, opts) {
  const root = createRoot(el);
  root.render(<ControlledTextarea {...opts} />);
  return root;
};
