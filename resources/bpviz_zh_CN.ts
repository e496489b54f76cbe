<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Adagrad: &lt;b&gt;acc′ = acc + g²&lt;/b&gt;, then &lt;b&gt;w ← w − lr·g/√acc′&lt;/b&gt; with lr = {lr}: a weight that has had large gradients takes ever smaller steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam: &lt;b&gt;m′ = m + (g − m)(1 − β1)&lt;/b&gt;, &lt;b&gt;v′ = v + (g² − v)(1 − β2)&lt;/b&gt;, &lt;b&gt;w ← w − lr_t·m′/(√v′ + ε)&lt;/b&gt;: each weight gets its own step size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t = {t} (Adam counts its updates from 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient descent: &lt;b&gt;w ← w − lr · ∂L/∂w&lt;/b&gt; with lr = {lr}: every weight takes a small step against its gradient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Momentum (Nesterov): &lt;b&gt;acc′ = m·acc + g&lt;/b&gt;, then &lt;b&gt;w ← w − (lr·g + lr·m·acc′)&lt;/b&gt; with lr = {lr}, m = {m}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Momentum: &lt;b&gt;acc′ = m·acc + g&lt;/b&gt;, then &lt;b&gt;w ← w − lr·acc′&lt;/b&gt; with lr = {lr}, m = {m}: the accumulator remembers earlier gradients, so steps grow along a steady direction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RMSProp (centered): &lt;b&gt;ms′ = ms + (g² − ms)(1 − ρ)&lt;/b&gt;, &lt;b&gt;mg′ = mg + (g − mg)(1 − ρ)&lt;/b&gt;, &lt;b&gt;mom′ = μ·mom + lr·g/√(ms′ − mg′² + ε)&lt;/b&gt;, &lt;b&gt;w ← w − mom′&lt;/b&gt; with lr = {lr}, ρ = {rho}, μ = {mu}, ε = {eps}: the step is divided by the gradient&apos;s recent spread.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RMSProp: &lt;b&gt;ms′ = ms + (g² − ms)(1 − ρ)&lt;/b&gt;, &lt;b&gt;mom′ = μ·mom + lr·g/√(ms′ + ε)&lt;/b&gt;, &lt;b&gt;w ← w − mom′&lt;/b&gt; with lr = {lr}, ρ = {rho}, μ = {mu}, ε = {eps}: each weight&apos;s step is divided by the root of its recent squared gradients.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodePanel</name>
    <message>
        <source>prepare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iterate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>神经网络八股 — the tutorial&apos;s recipe:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bpviz: your run&apos;s optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prepare: the data set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forward: inputs, parameters, output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backward: loss and the training method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iterate: run the session for STEPS rounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>准备 prepare: the 32 samples and their labels (x0 + x1 &lt; 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>前传 forward: a = x·w1, then y = a·w2 for the batch fed in feed_dict.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>反传 backward, first half: the loss that the gradients are taken of.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>反传 backward: minimize(loss) makes TensorFlow compute ∂loss/∂w1 and ∂loss/∂w2 by backpropagation, layer by layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>迭代 iterate: each sess.run(train_step, …) runs forward, backward and the update once, on rows start … end of X.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ControlPanel</name>
    <message>
        <source>Configuration file: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutorial defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tutorial&apos;s exact configuration: 32 points labelled x0 + x1 &lt; 1, a 2-3-1 linear network without bias, gradient descent with learning rate 0.001, batches of 8, 3000 steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New data (random seed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw a new data seed and regenerate the points; the network starts again from step 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default ({seed})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not applied — fix: {fields}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NumPy archive (*.npz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python script (*.py)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss plot as &amp;PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss plot as &amp;SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss as &amp;CSV table…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision &amp;boundary as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision boundary as SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Weight heatmaps as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight heatmaps as SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole w&amp;indow as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights and history as &amp;NPZ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights and history as &amp;JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;umPy script of this run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;TensorFlow 1 code of this run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export loss as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export loss as SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export loss as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} no longer exists; it was removed from the recent files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed {path} from the recent files (it no longer exists)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: neither a bpviz session (.npz) nor a configuration (.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use the configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened {path} — network reset to step 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the configuration to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: too large to load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened session {path} at step {step} — paused; press Space to continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bpviz session (*.npz);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the session to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bpviz session (*.npz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export the loss plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported the loss plot to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export the loss table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported the loss table to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export the weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported the weights and history to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export the script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported the script to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export the decision boundary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export the weight heatmaps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported the picture to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported the window to {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GradientCheckView</name>
    <message>
        <source>Is backpropagation right? For every weight w the check also measures the slope directly: (L(w + ε) − L(w − ε)) / 2ε on the next batch, in float64, and compares it with ∂L/∂w from backprop. A relative error below 1e-6 means they agree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check gradients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare backprop with finite differences on the next batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>relative error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ Backprop disagrees with finite differences for {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ All {n} gradients agree with finite differences.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GradientPanel</name>
    <message>
        <source>∂L/∂W</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ΔW last step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;∂L/∂W&lt;/b&gt; of the last update: each weight moves against it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much the batch loss would change per unit change of each weight (regularisation included).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;ΔW = new − old&lt;/b&gt;: no update recorded yet (press Step →).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;∂L/∂W&lt;/b&gt;: no update yet — all zero until the first step (press Step →).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Adam&apos;s v&lt;/b&gt;: v′ = v + (g² − v)(1 − β2). Update {i}: &lt;b&gt;lr_t = {lr_t:.6g}&lt;/b&gt; (bias-corrected); each weight moved −lr_t·m′/(√v′ + ε): see ΔW.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;ΔW = new − old&lt;/b&gt; of update i = {i}: each weight&apos;s effective step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (= −lr_t·m′/(√v′ + ε), lr_t = {lr_t:.6g})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectWorkspace</name>
    <message>
        <source>Samples of the run; press Step (→) to record an update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradients &amp;&amp; optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step inspector: next phase (Ctrl+→)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step inspector: previous phase (Ctrl+←)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{w} = {v}: takes effect at the next update (i = {step}) and is recorded in the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step 0: the first batch (✓) is what update i = 0 will train on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At step {step} (replayed from the nearest checkpoint)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update i = {i}: each sample&apos;s prediction and loss &lt;i&gt;before&lt;/i&gt; the update; ✓ = in its batch, share = its part of the batch gradient. Select a row to find the point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not do that: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LiveView</name>
    <message>
        <source>true boundary {equation}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample {i}: x0 = {x0}, x1 = {x1}, label {label}, output {out} (step {step})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Could not restore the last configuration ({error}); using the tutorial&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready — press Space to start, → to step one mini-batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Controls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start or pause training (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train on exactly one mini-batch and highlight its points (→)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the initial weights, step 0 (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run to target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train until the target step, then pause (Ctrl+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutorial defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the tutorial&apos;s exact configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open configuration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save configuration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Logarithmic loss axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About bpviz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running to step {target}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset to the initial weights (step 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcuts work anywhere in the window except while you type in a text field (press Enter or click elsewhere to leave it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About bpviz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;bpviz {version}&lt;/h3&gt;&lt;p&gt;See and drive backpropagation: the TensorFlow 1 tutorial&apos;s 2-3-1 network, reproduced exactly and trained live.&lt;/p&gt;&lt;p&gt;The same configuration gives the same weights here and with &lt;code&gt;bpviz train&lt;/code&gt;.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bpviz — {sizes} {activation} network, {optimizer}, lr {lr}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatrixBlock</name>
    <message>
        <source>(first {r} × {c} of {rows} × {cols})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkDiagram</name>
    <message>
        <source>Colour and width by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gradient ∂L/∂w</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forward: computing every layer&apos;s output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backward: ∂L/∂w{k} computed here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>update: every weight changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{w}: from {src} to {dst}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not set yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weight = {v}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>∂L/∂{w} = {g} (last update)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no update yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to change this weight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change a weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New value for {w} (now {v}).
It takes effect before the next update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This network has {n} weights: too many to draw one by one.
The diagram shows networks with up to {max} weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input {s}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output {s}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden {s}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bias of layer {k}: the constant input 1, weighted by b{k}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gradient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{pos}&apos;&gt;■ positive&lt;/span&gt; &amp;nbsp; &lt;span style=&apos;color:{neg}&apos;&gt;■ negative&lt;/span&gt; &amp;nbsp; thicker = larger |{what}|</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hover over a link to read its weight; click it to change the weight.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SampleTableModel</name>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share of batch gradient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sample&apos;s row in X (the tutorial&apos;s X = rng.rand(32,2)).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First input feature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second input feature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer y_: 1 if x0 + x1 &lt; 1, else 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network&apos;s output y for this sample, with the current weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sample&apos;s loss term, e.g. (y − y_)² for MSE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ if the sample is in the mini-batch of the update being shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much of the batch&apos;s gradient comes from this sample: gᵢ·G/‖G‖², where gᵢ is its own gradient term and G the batch gradient. The shares add up to 100 %; a negative share pulls against the batch.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpeedControl</name>
    <message>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps per second; “max” trains as fast as the computer can</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} steps/s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusReporter</name>
    <message>
        <source>Changed {fields}: the network starts again at step 0 (the run so far was discarded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed {fields}: new network at step 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate is now {lr} from the next step on, without a reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target is now step {target}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused at step {step}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step {step}: one update on samples {first}–{last} (highlighted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diverged at step {step} (loss {loss}): paused with the last finite weights — try a smaller learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training diverged at step {step}: the loss became {loss}. Training paused and kept the last finite weights (those after {kept} steps). Try a smaller learning rate than {lr}, then Reset (Ctrl+R).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use lr {lr} and reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already past the target ({target} steps); raise “Target steps” to train further</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reached the target: {step} steps; loss on all data at step {at}: {loss}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reached the target: {step} steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training stopped by an error: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> The details are in {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training stopped by an unexpected error: {message}. Training is paused; you can go on, reset or save.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepInspector</name>
    <message>
        <source>No update recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ Previous phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next phase ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run one update (Step) to see where each of its numbers comes from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Update i = {step}&lt;/b&gt; (the tutorial&apos;s loop variable) &amp;nbsp;·&amp;nbsp; batch: samples #{first}–#{last} ({n} samples) &amp;nbsp;·&amp;nbsp; {opt}, lr = {lr} &amp;nbsp;·&amp;nbsp; batch loss {loss}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to this phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backward: layer {k}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;1. Forward pass.&lt;/b&gt; The batch&apos;s {n} samples go through the network together, layer by layer. Each layer multiplies its input by its weight matrix — one row per sample, one column per neuron — and then applies its activation. In the tutorial both layers are linear: &lt;tt&gt;a = tf.matmul(x, w1)&lt;/tt&gt;, &lt;tt&gt;y = tf.matmul(a, w2)&lt;/tt&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;2. Loss.&lt;/b&gt; One number says how wrong the predictions y are compared with the labels y_ (1 if x0 + x1 &amp;lt; 1, else 0). Training tries to make this number small.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;3. Backward pass, layer {k}.&lt;/b&gt; Going from the loss back through the network, the chain rule gives ∂L/∂w for every weight: how much the loss would change if that weight grew a little. Each ∂L/∂… table has the shape of the thing it belongs to. Step through the layers from the output (layer {top}) down to layer 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;4. Update.&lt;/b&gt; The optimizer changes every weight using its gradient. The new weights are what the next update&apos;s forward pass starts from.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineBar</name>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag to preview a past step, release to go there (replayed exactly)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to this step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Timeline: step </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>branched at step {k}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> &lt;span style=&apos;color:#c83ca0&apos;&gt;&lt;b&gt;branched at step {k}&lt;/b&gt;&lt;/span&gt; — the faint dashed curve is the abandoned future (to step {n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> rewound — the faint dashed curve is the old future (to step {n}): step, run or seek forward to replay it exactly; change something to branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> of {n} </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step {step} · batch loss {loss} (old future; release to replay it)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingStatusBar</name>
    <message>
        <source>Loss of the last mini-batch, before its update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate of the next update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training speed over the last second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step {step} / {target}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss {loss}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lr {lr}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rate} steps/s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_BackwardPage</name>
    <message>
        <source>&lt;b&gt;∂L/∂y&lt;/b&gt;: for L = mean((y − y_)²) over {n} samples, ∂L/∂y = 2·(y − y_)/{n} per sample. This error signal is where backpropagation starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;∂L/∂y&lt;/b&gt;: for the mean sigmoid cross-entropy over {n} samples, ∂L/∂y = (sigmoid(y) − y_)/{n} per sample. This error signal is where backpropagation starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;∂L/∂{a}&lt;/b&gt; comes down from layer {up}: each neuron of this layer fed every neuron above through w{up}, so its gradient is ∂L/∂z{up} · w{up}ᵀ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>∂L/∂z{up} (from layer {up})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;∂L/∂z{k}&lt;/b&gt;: this layer is linear ({a} = z{k} = {inp}·w{k}{bias}), so ∂L/∂z{k} = ∂L/∂{a}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;∂L/∂z{k}&lt;/b&gt;: {a} = {act}(z{k}), so ∂L/∂z{k} = ∂L/∂{a} ⊙ {act}′(z{k}), entry by entry, with {act}′ = {d}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> The run is regularised, so the trainer also adds {terms} to ∂L/∂w{k}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;∂L/∂w{k} = {inp}ᵀ · ∂L/∂z{k}&lt;/b&gt;: entry [i, j] multiplies input {inp}[i] by the gradient of neuron j, summed over the batch&apos;s {n} samples — every sample adds its share.{reg}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;∂L/∂b{k}&lt;/b&gt; = ∂L/∂z{k} summed over the samples (each bias is added to every sample).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;Next:&lt;/i&gt; ∂L/∂{prev} = ∂L/∂z{k} · w{k}ᵀ is passed down to layer {down}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;Done:&lt;/i&gt; layer 1 is the first layer. Its input x is data, not a parameter, so the gradient stops here. TensorFlow&apos;s &lt;tt&gt;minimize(loss)&lt;/tt&gt; did all of this for you.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_ForwardPage</name>
    <message>
        <source>output layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>linear: no activation, so {out} = z{k}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>activation {act} applied to each entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Layer {k} of {n}&lt;/b&gt; ({role}): &lt;b&gt;{rule}&lt;/b&gt; &amp;nbsp;—&amp;nbsp; {note}. One row per sample of the batch, one column per neuron.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{sym} (input)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{sym} (from layer {k})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>w{k} (weights)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>b{k} (bias)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_LossPage</name>
    <message>
        <source>&lt;b&gt;Mean squared error&lt;/b&gt;, as in the tutorial: &lt;tt&gt;loss = tf.reduce_mean(tf.square(y - y_))&lt;/tt&gt;. Each sample&apos;s error y − y_ is squared, then the {n} squares are averaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>y (prediction)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>y_ (label)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Sigmoid cross-entropy&lt;/b&gt; on the output y (a logit): each sample&apos;s loss is max(y, 0) − y·y_ + log(1 + e&lt;sup&gt;−|y|&lt;/sup&gt;), then the {n} losses are averaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>y (logit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one row per sample of the batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss = mean of {term} over the {n} samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ regularisation (L1/L2 of the weights, before this update) = {reg}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch loss = {loss}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the trainer recorded {loss} for this update)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_UpdatePage</name>
    <message>
        <source>{slot}′ (after)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δ{name} = after − before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is one &lt;tt&gt;sess.run(train_step, …)&lt;/tt&gt; of the tutorial. &lt;i&gt;Click any cell to follow that weight&apos;s arithmetic.&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>Enter a number, e.g. {example}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is not a number; write e.g. {example} or 1e-5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be a finite number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be greater than {low}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be at least {low}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be less than {high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be at most {high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be between {low} and {high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write layer widths separated by commas, e.g. 3 or 8, 8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most {n} hidden layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each layer needs 1 to {n} neurons</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>optimizers</name>
    <message>
        <source>&lt;b&gt;Adagrad&apos;s accumulator&lt;/b&gt;: the sum of all squared gradients, acc′ = acc + g²; w ← w − lr·g/√acc′.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Adam&apos;s m&lt;/b&gt;: mean of the gradients, m′ = m + (g − m)(1 − β1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Adam&apos;s v&lt;/b&gt;: mean of the squared gradients, v′ = v + (g² − v)(1 − β2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Momentum&apos;s accumulator&lt;/b&gt; acc′ = m·acc + g; then w ← w − lr·acc′.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;RMSProp&apos;s mg&lt;/b&gt; (centered): mean of the gradients, mg′ = mg + (g − mg)(1 − ρ).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;RMSProp&apos;s mom&lt;/b&gt;: the step taken, mom′ = μ·mom + lr·g/√(ms′ + ε); w ← w − mom′.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;RMSProp&apos;s ms&lt;/b&gt;: mean of the squared gradients, ms′ = ms + (g² − ms)(1 − ρ); it starts at 1, as in TF1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adagrad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adagrad accumulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adagrad: &lt;b&gt;acc′ = acc + g²&lt;/b&gt;, then &lt;b&gt;w ← w − lr·g/√acc′&lt;/b&gt; with lr = {lr}: a weight that has had large gradients takes ever smaller steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam v</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam: &lt;b&gt;m′ = m + (g − m)(1 − β1)&lt;/b&gt;, &lt;b&gt;v′ = v + (g² − v)(1 − β2)&lt;/b&gt;, &lt;b&gt;w ← w − lr_t·m′/(√v′ + ε)&lt;/b&gt;: each weight gets its own step size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient descent: &lt;b&gt;w ← w − lr · ∂L/∂w&lt;/b&gt; with lr = {lr}: every weight takes a small step against its gradient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Momentum (Nesterov): &lt;b&gt;acc′ = m·acc + g&lt;/b&gt;, then &lt;b&gt;w ← w − (lr·g + lr·m·acc′)&lt;/b&gt; with lr = {lr}, m = {m}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Momentum: &lt;b&gt;acc′ = m·acc + g&lt;/b&gt;, then &lt;b&gt;w ← w − lr·acc′&lt;/b&gt; with lr = {lr}, m = {m}: the accumulator remembers earlier gradients, so steps grow along a steady direction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RMSProp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RMSProp (centered): &lt;b&gt;ms′ = ms + (g² − ms)(1 − ρ)&lt;/b&gt;, &lt;b&gt;mg′ = mg + (g − mg)(1 − ρ)&lt;/b&gt;, &lt;b&gt;mom′ = μ·mom + lr·g/√(ms′ − mg′² + ε)&lt;/b&gt;, &lt;b&gt;w ← w − mom′&lt;/b&gt; with lr = {lr}, ρ = {rho}, μ = {mu}, ε = {eps}: the step is divided by the gradient&apos;s recent spread.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RMSProp mg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RMSProp mom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RMSProp ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RMSProp: &lt;b&gt;ms′ = ms + (g² − ms)(1 − ρ)&lt;/b&gt;, &lt;b&gt;mom′ = μ·mom + lr·g/√(ms′ + ε)&lt;/b&gt;, &lt;b&gt;w ← w − mom′&lt;/b&gt; with lr = {lr}, ρ = {rho}, μ = {mu}, ε = {eps}: each weight&apos;s step is divided by the root of its recent squared gradients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accumulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gradient descent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>momentum</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>Activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adagrad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adagrad&apos;s starting sum of squared gradients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam&apos;s decay of the mean gradient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam&apos;s decay of the mean squared gradient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam&apos;s epsilon; RMSProp&apos;s (added inside the square root)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a bias vector to every layer (starting at zero)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Biases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decay in whole periods instead of smoothly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decay rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decay steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decay the learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decay ρ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exponential decay of the learning rate: factor per decay period, in (0, 1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exponential moving average of the weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Function applied after each hidden layer; the tutorial has none (linear)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient descent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Init seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Init stddev</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial accumulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L1 regularisation: scale × sum |w| is added to the loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L1 scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L2 regularisation (TF&apos;s l2_loss: scale × sum w² / 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L2 scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length of a decay period in steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linear (none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean squared error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Momentum coefficient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nesterov</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nesterov&apos;s accelerated gradient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neurons per hidden layer, separated by commas: 3 is the tutorial&apos;s 2-3-1 network, 8,8 has two layers of 8; none: no hidden layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of training points (the dataset&apos;s default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Op seed of tf.random_normal for the initial weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points per update; the tutorial takes 8 at a time, in order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RMSProp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RMSProp divides by the gradient&apos;s variance instead of its mean square</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RMSProp&apos;s decay of the mean squared gradient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random jitter added to the points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed of the data generator; empty: the dataset&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sigmoid cross-entropy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staircase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard deviation of the initial weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step size, e.g. 0.001 or 1e-5; a new value applies from the next step, without a reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TF&apos;s exponential_decay: lr × rate^(step / decay steps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The loss function; mean squared error is the tutorial&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The loss on all data is computed (and printed, and marked on the plot) every this many steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The training points; seed is the tutorial&apos;s 32 random points labelled x0 + x1 &lt; 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The update rule; the tutorial uses plain gradient descent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training steps; where “Run to target” stops (0 only initialises)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutorial: x0 + x1 &lt; 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two Gaussians</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XOR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>linear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tanh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>β1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>β2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ε</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
