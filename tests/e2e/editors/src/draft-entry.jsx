// Real Draft.js editor (what X uses) for the x.com / twitter.com fixture page.
import React, { useState, useRef } from "react";
import { createRoot } from "react-dom/client";
import { Editor, EditorState, getDefaultKeyBinding } from "draft-js";
import "draft-js/dist/Draft.css";

function Composer({ onText, onSubmit, label }) {
  const [state, setState] = useState(() => EditorState.createEmpty());
  const stateRef = useRef(state);
  const text = () => stateRef.current.getCurrentContent().getPlainText("\n");
  const change = (s) => { stateRef.current = s; setState(s); onText(s.getCurrentContent().getPlainText("\n")); };
  const keyBindingFn = (e) => ((e.ctrlKey || e.metaKey) && e.key === "Enter" ? "x-submit" : getDefaultKeyBinding(e));
  const handleKeyCommand = (cmd) => {
    if (cmd === "x-submit") { onSubmit(text(), "keyboard"); return "handled"; }
    return "not-handled";
  };
  return (
    <div className="x-composer">
      <div className="x-editor">
        <Editor editorState={state} onChange={change} keyBindingFn={keyBindingFn}
          handleKeyCommand={handleKeyCommand} placeholder={label}
          ariaLabel={label} webDriverTestID="tweetTextarea_0" role="textbox" spellCheck={true} />
      </div>
      <div className="x-toolbar">
        <div role="button" tabIndex={0} data-testid="tweetButtonInline" className="x-post"
          onClick={() => onSubmit(text(), "click")}><span>Julkaise</span></div>
      </div>
    </div>
  );
}

window.mountDraft = function mountDraft(el, opts) {
  createRoot(el).render(<Composer {...opts} />);
};
