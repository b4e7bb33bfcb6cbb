// Real Lexical editor for the Facebook and Instagram fixture pages.
import { createEditor, $getRoot } from "lexical";
import { registerRichText } from "@lexical/rich-text";
import { registerPlainText } from "@lexical/plain-text";
import { registerHistory, createEmptyHistoryState } from "@lexical/history";
import { mergeRegister } from "@lexical/utils";

// mountLexical(rootElement, {mode: "rich" | "plain", onText(text)})
window.mountLexical = function mountLexical(el, opts = {}) {
  const editor = createEditor({
    namespace: opts.namespace || "fixture",
    onError(error) { console.error(error); },
    theme: { paragraph: "x-paragraph" },
  });
  editor.setRootElement(el);
  mergeRegister(
    opts.mode === "plain" ? registerPlainText(editor) : registerRichText(editor),
    registerHistory(editor, createEmptyHistoryState(), 300),
  );
  editor.registerUpdateListener(({ editorState }) => {
    editorState.read(() => {
      if (opts.onText) opts.onText($getRoot().getTextContent());
    });
  });
  return editor;
};
