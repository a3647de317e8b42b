// The chat widget's styles, inside its shadow root so the host page's CSS and ours never meet.
export const widgetCss = (color: string) => `
:host { all: initial; }
* { box-sizing: border-box; font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif; }
.bubble { position: fixed; right: 20px; bottom: 20px; width: 56px; height: 56px; border-radius: 50%; border: 0; background: ${color}; color: #fff; cursor: pointer; box-shadow: 0 4px 14px rgba(0,0,0,.25); z-index: 2147483000; display: flex; align-items: center; justify-content: center; }
.bubble svg { width: 26px; height: 26px; }
.panel { position: fixed; right: 20px; bottom: 88px; width: 360px; height: min(540px, calc(100vh - 110px)); background: #fff; color: #1a1b1e; border-radius: 12px; box-shadow: 0 8px 30px rgba(0,0,0,.25); display: none; flex-direction: column; overflow: hidden; z-index: 2147483001; }
.panel.open { display: flex; }
@media (max-width: 480px) { .panel { right: 0; bottom: 0; width: 100vw; height: 100dvh; border-radius: 0; } }
.head { background: ${color}; color: #fff; padding: 12px 14px; display: flex; justify-content: space-between; align-items: center; font-weight: 600; font-size: 15px; }
.head button { background: transparent; border: 0; color: #fff; font-size: 22px; line-height: 1; cursor: pointer; }
.body { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 8px; background: #f8f9fa; }
.greet { color: #495057; font-size: 14px; }
.msg { max-width: 85%; padding: 8px 10px; border-radius: 10px; font-size: 14px; white-space: pre-wrap; overflow-wrap: anywhere; }
.msg.in { align-self: flex-end; background: ${color}; color: #fff; }
.msg.out { align-self: flex-start; background: #fff; border: 1px solid #dee2e6; }
.msg a { color: inherit; text-decoration: underline; }
.who { font-size: 11px; opacity: .75; margin-bottom: 2px; }
.foot { border-top: 1px solid #dee2e6; padding: 8px; display: flex; gap: 6px; }
.foot textarea { flex: 1; resize: none; border: 1px solid #ced4da; border-radius: 8px; padding: 8px; font-size: 14px; height: 40px; }
button.primary { background: ${color}; color: #fff; border: 0; border-radius: 8px; padding: 0 14px; font-size: 14px; cursor: pointer; min-height: 40px; }
form.pre { display: flex; flex-direction: column; gap: 8px; padding: 12px; }
form.pre input { border: 1px solid #ced4da; border-radius: 8px; padding: 10px; font-size: 14px; }
.note { font-size: 12px; color: #868e96; padding: 0 12px 8px; }
.note button { background: none; border: 0; color: ${color}; cursor: pointer; padding: 0; font-size: 12px; text-decoration: underline; }
.err { color: #c92a2a; font-size: 12px; padding: 0 12px 6px; }
`;
