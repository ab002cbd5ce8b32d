// Where the widget manager (embed-amd.js, loaded next) finds what it loads on demand: the front end
// of the practice cards' widgets (anywidget) and its fonts, all served from _static (beside this
// file; book/_ext/course_site.py copies them there) rather than from a CDN. Each of its bundles
// looks for its fonts beside its own module (as RequireJS resolves the module's name), so each
// module's path puts it in widget-fonts/.
const fonts = "widget-fonts";
window.__jupyter_widgets_assets_path__ = new URL(`${fonts}/`, document.currentScript.src).href;
requirejs.config({
  baseUrl: new URL(".", document.currentScript.src).href,
  paths: {
    anywidget: "anywidget",
    "@jupyter-widgets/html-manager/dist": fonts,
    ...Object.fromEntries(["base", "base7", "controls", "controls7", "html-manager"]
      .map(name => [`@jupyter-widgets/${name}`, `${fonts}/${name}`])),
  },
});
