// The benchmark's peer page: react-body-highlighter's front view rendered by React 18, where a tap
// on a muscle highlights it (the peer's equivalent of Myomap painting a marker). scripts/bench.mjs
// bundles it with esbuild (minified, production React) and serves it like Myomap.
import { useCallback, useLayoutEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import Model from "react-body-highlighter";

function App() {
  const [data, setData] = useState([]);
  const onClick = useCallback(({ muscle }) => {
    setData((d) => [...d, { name: `tap ${d.length + 1}`, muscles: [muscle] }]);
  }, []);
  // Layout effects run right after React's first commit: the figure is in the DOM and its
  // handlers are attached, the same moment Myomap marks as "myomap-interactive".
  useLayoutEffect(() => {
    performance.mark("peer-interactive");
  }, []);
  return (
    <main>
      <h1>Body map</h1>
      <Model type="anterior" data={data} onClick={onClick} style={{ height: "85vh", maxWidth: "100%" }} />
    </main>
  );
}

createRoot(document.getElementById("root")).render(<App />);
