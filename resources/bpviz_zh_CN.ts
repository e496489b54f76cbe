<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Adagrad: &lt;b&gt;acc′ = acc + g²&lt;/b&gt;, then &lt;b&gt;w ← w − lr·g/√acc′&lt;/b&gt; with lr = {lr}: a weight that has had large gradients takes ever smaller steps.</source>
        <translation>Adagrad：&lt;b&gt;acc′ = acc + g²&lt;/b&gt;，然后 &lt;b&gt;w ← w − lr·g/√acc′&lt;/b&gt;，其中 lr = {lr}：梯度一直很大的权重，步子越迈越小。</translation>
    </message>
    <message>
        <source>Adam: &lt;b&gt;m′ = m + (g − m)(1 − β1)&lt;/b&gt;, &lt;b&gt;v′ = v + (g² − v)(1 − β2)&lt;/b&gt;, &lt;b&gt;w ← w − lr_t·m′/(√v′ + ε)&lt;/b&gt;: each weight gets its own step size.</source>
        <translation>Adam：&lt;b&gt;m′ = m + (g − m)(1 − β1)&lt;/b&gt;，&lt;b&gt;v′ = v + (g² − v)(1 − β2)&lt;/b&gt;，&lt;b&gt;w ← w − lr_t·m′/(√v′ + ε)&lt;/b&gt;：每个权重有自己的步长。</translation>
    </message>
    <message>
        <source>t = {t} (Adam counts its updates from 1)</source>
        <translation>t = {t}（Adam 的更新次数从 1 开始计）</translation>
    </message>
    <message>
        <source>Gradient descent: &lt;b&gt;w ← w − lr · ∂L/∂w&lt;/b&gt; with lr = {lr}: every weight takes a small step against its gradient.</source>
        <translation>梯度下降：&lt;b&gt;w ← w − lr · ∂L/∂w&lt;/b&gt;，其中 lr = {lr}：每个权重沿梯度的反方向走一小步。</translation>
    </message>
    <message>
        <source>Momentum (Nesterov): &lt;b&gt;acc′ = m·acc + g&lt;/b&gt;, then &lt;b&gt;w ← w − (lr·g + lr·m·acc′)&lt;/b&gt; with lr = {lr}, m = {m}.</source>
        <translation>动量（Nesterov）：&lt;b&gt;acc′ = m·acc + g&lt;/b&gt;，然后 &lt;b&gt;w ← w − (lr·g + lr·m·acc′)&lt;/b&gt;，其中 lr = {lr}，m = {m}。</translation>
    </message>
    <message>
        <source>Momentum: &lt;b&gt;acc′ = m·acc + g&lt;/b&gt;, then &lt;b&gt;w ← w − lr·acc′&lt;/b&gt; with lr = {lr}, m = {m}: the accumulator remembers earlier gradients, so steps grow along a steady direction.</source>
        <translation>动量：&lt;b&gt;acc′ = m·acc + g&lt;/b&gt;，然后 &lt;b&gt;w ← w − lr·acc′&lt;/b&gt;，其中 lr = {lr}，m = {m}：累积量记住了之前的梯度，所以沿稳定方向的步子越来越大。</translation>
    </message>
    <message>
        <source>RMSProp (centered): &lt;b&gt;ms′ = ms + (g² − ms)(1 − ρ)&lt;/b&gt;, &lt;b&gt;mg′ = mg + (g − mg)(1 − ρ)&lt;/b&gt;, &lt;b&gt;mom′ = μ·mom + lr·g/√(ms′ − mg′² + ε)&lt;/b&gt;, &lt;b&gt;w ← w − mom′&lt;/b&gt; with lr = {lr}, ρ = {rho}, μ = {mu}, ε = {eps}: the step is divided by the gradient&apos;s recent spread.</source>
        <translation>RMSProp（centered）：&lt;b&gt;ms′ = ms + (g² − ms)(1 − ρ)&lt;/b&gt;，&lt;b&gt;mg′ = mg + (g − mg)(1 − ρ)&lt;/b&gt;，&lt;b&gt;mom′ = μ·mom + lr·g/√(ms′ − mg′² + ε)&lt;/b&gt;，&lt;b&gt;w ← w − mom′&lt;/b&gt;，其中 lr = {lr}，ρ = {rho}，μ = {mu}，ε = {eps}：步长除以梯度近期的离散程度。</translation>
    </message>
    <message>
        <source>RMSProp: &lt;b&gt;ms′ = ms + (g² − ms)(1 − ρ)&lt;/b&gt;, &lt;b&gt;mom′ = μ·mom + lr·g/√(ms′ + ε)&lt;/b&gt;, &lt;b&gt;w ← w − mom′&lt;/b&gt; with lr = {lr}, ρ = {rho}, μ = {mu}, ε = {eps}: each weight&apos;s step is divided by the root of its recent squared gradients.</source>
        <translation>RMSProp：&lt;b&gt;ms′ = ms + (g² − ms)(1 − ρ)&lt;/b&gt;，&lt;b&gt;mom′ = μ·mom + lr·g/√(ms′ + ε)&lt;/b&gt;，&lt;b&gt;w ← w − mom′&lt;/b&gt;，其中 lr = {lr}，ρ = {rho}，μ = {mu}，ε = {eps}：每个权重的步长除以其近期梯度平方的平方根。</translation>
    </message>
</context>
<context>
    <name>BoundaryPlot</name>
    <message>
        <source>x0</source>
        <translation>x0</translation>
    </message>
    <message>
        <source>x1</source>
        <translation>x1</translation>
    </message>
    <message>
        <source>label 1</source>
        <translation>标签 1</translation>
    </message>
    <message>
        <source>label 0</source>
        <translation>标签 0</translation>
    </message>
    <message>
        <source>current batch</source>
        <translation>当前这批</translation>
    </message>
    <message>
        <source>boundary (output = 0.5)</source>
        <translation>决策边界（输出 = 0.5）</translation>
    </message>
    <message>
        <source>true boundary</source>
        <translation>真实边界</translation>
    </message>
    <message>
        <source>class borders</source>
        <translation>类别边界</translation>
    </message>
    <message>
        <source>low value</source>
        <translation>低值</translation>
    </message>
    <message>
        <source>high value</source>
        <translation>高值</translation>
    </message>
    <message>
        <source>fitted surface</source>
        <translation>拟合曲面</translation>
    </message>
    <message>
        <source>label {k}</source>
        <translation>标签 {k}</translation>
    </message>
</context>
<context>
    <name>CodePanel</name>
    <message>
        <source>prepare</source>
        <translation>准备</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>前传</translation>
    </message>
    <message>
        <source>backward</source>
        <translation>反传</translation>
    </message>
    <message>
        <source>iterate</source>
        <translation>迭代</translation>
    </message>
    <message>
        <source>神经网络八股 — the tutorial&apos;s recipe:</source>
        <translation>神经网络八股 —— 教程的套路：</translation>
    </message>
    <message>
        <source>bpviz: your run&apos;s optimizer</source>
        <translation>bpviz：本次运行的优化器</translation>
    </message>
    <message>
        <source>bpviz: your run&apos;s network</source>
        <translation>bpviz：本次运行的网络</translation>
    </message>
    <message>
        <source> (b1, b2 = tf.Variable(tf.zeros(…)))</source>
        <translation>（b1, b2 = tf.Variable(tf.zeros(…))）</translation>
    </message>
    <message>
        <source>bpviz: your run&apos;s loss</source>
        <translation>bpviz：本次运行的损失函数</translation>
    </message>
    <message>
        <source>prepare: the data set</source>
        <translation>准备：数据集</translation>
    </message>
    <message>
        <source>forward: inputs, parameters, output</source>
        <translation>前传：输入、参数、输出</translation>
    </message>
    <message>
        <source>backward: loss and the training method</source>
        <translation>反传：损失函数和训练方法</translation>
    </message>
    <message>
        <source>iterate: run the session for STEPS rounds</source>
        <translation>迭代：让会话运行 STEPS 轮</translation>
    </message>
    <message>
        <source>准备 prepare: the 32 samples and their labels (x0 + x1 &lt; 1).</source>
        <translation>准备：32 个样本及其标签（x0 + x1 &lt; 1）。</translation>
    </message>
    <message>
        <source>前传 forward: a = x·w1, then y = a·w2 for the batch fed in feed_dict.</source>
        <translation>前传（前向传播）：对 feed_dict 喂入的这一批数据，a = x·w1，然后 y = a·w2。</translation>
    </message>
    <message>
        <source>反传 backward, first half: the loss that the gradients are taken of.</source>
        <translation>反传前半部分：对其求梯度的损失函数。</translation>
    </message>
    <message>
        <source>反传 backward: minimize(loss) makes TensorFlow compute ∂loss/∂w1 and ∂loss/∂w2 by backpropagation, layer by layer.</source>
        <translation>反传：minimize(loss) 让 TensorFlow 用反向传播逐层计算 ∂loss/∂w1 和 ∂loss/∂w2。</translation>
    </message>
    <message>
        <source>迭代 iterate: each sess.run(train_step, …) runs forward, backward and the update once, on rows start … end of X.</source>
        <translation>迭代：每次 sess.run(train_step, …) 在 X 的第 start … end 行上执行一次前传、反传和参数更新。</translation>
    </message>
</context>
<context>
    <name>CompareExport</name>
    <message>
        <source>final loss</source>
        <translation>最终损失</translation>
    </message>
    <message>
        <source>best loss</source>
        <translation>最佳损失</translation>
    </message>
    <message>
        <source>best: {label} ({loss})</source>
        <translation>最佳：{label}（{loss}）</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <source>&amp;Compare runs…</source>
        <translation>比较多次运行(&amp;C)…</translation>
    </message>
    <message>
        <source>Train several runs side by side: optimizers, learning rates, seeds</source>
        <translation>并排训练多次运行：优化器、学习率、种子</translation>
    </message>
    <message>
        <source>Compare runs — bpviz</source>
        <translation>比较多次运行 —— bpviz</translation>
    </message>
    <message>
        <source>step</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>loss on the mini-batch</source>
        <translation>本批数据上的损失</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>Decision boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <source>Loss surface</source>
        <translation>损失曲面</translation>
    </message>
    <message>
        <source>Optimizers:</source>
        <translation>优化器：</translation>
    </message>
    <message>
        <source>Learning rates:</source>
        <translation>学习率：</translation>
    </message>
    <message>
        <source>Momentum:</source>
        <translation>动量：</translation>
    </message>
    <message>
        <source>Batch sizes:</source>
        <translation>批量 (BATCH_SIZE)：</translation>
    </message>
    <message>
        <source>Initial seeds:</source>
        <translation>初始化种子：</translation>
    </message>
    <message>
        <source>A list such as 0.001, 0.01, 0.1, or LO:HI:N for N rates evenly spaced in log scale</source>
        <translation>列表，例如 0.001, 0.01, 0.1；或 LO:HI:N，表示在对数刻度上均匀分布的 N 个学习率</translation>
    </message>
    <message>
        <source>The course&apos;s parabola: w from 5 down (w+1)²</source>
        <translation>课程中的抛物线：w 从 5 开始沿 (w+1)² 下降</translation>
    </message>
    <message>
        <source>One weight, 40 steps of gradient descent: see what the learning rate does (0.2 converges, 1 jumps between 5 and -7, 0.0001 barely moves)</source>
        <translation>一个权重，40 轮梯度下降：看看学习率的作用（0.2 收敛，1 在 5 和 -7 之间来回跳，0.0001 几乎不动）</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Open in the main window</source>
        <translation>在主窗口中打开</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>训练控制</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>loss on all data</source>
        <translation>全部数据上的损失</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Runs (click a curve or a row; double-click to open it):</source>
        <translation>各次运行（点击曲线或行；双击可打开）：</translation>
    </message>
    <message>
        <source>pick at least one optimizer</source>
        <translation>请至少选择一个优化器</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Step {step:,} / {target:,} — {alive} of {n} runs going</source>
        <translation>第 {step:,} / {target:,} 轮 —— {n} 次运行中 {alive} 次在进行</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Loss curves</source>
        <translation>损失曲线</translation>
    </message>
    <message>
        <source>run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>; diverged: </source>
        <translation>；发散：</translation>
    </message>
    <message>
        <source>Opened “{label}” from Compare at step {step:,} — paused; press Space to continue</source>
        <translation>已从比较窗口打开“{label}”，位于第 {step:,} 轮 —— 已暂停；按空格键继续</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation>比较多次运行</translation>
    </message>
    <message>
        <source>Export failed: {error}</source>
        <translation>导出失败：{error}</translation>
    </message>
    <message>
        <source>Compared runs cannot train this run&apos;s settings ({reason}), so Compare opens with the tutorial&apos;s run.</source>
        <translation>比较多次运行无法使用当前运行的设置（{reason}），因此以教程的运行打开。</translation>
    </message>
</context>
<context>
    <name>ConfusionView</name>
    <message>
        <source>predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>真实类别</translation>
    </message>
</context>
<context>
    <name>ControlPanel</name>
    <message>
        <source>Configuration file: {message}</source>
        <translation>配置文件：{message}</translation>
    </message>
    <message>
        <source>Tutorial defaults</source>
        <translation>教程默认值</translation>
    </message>
    <message>
        <source>The tutorial&apos;s exact configuration: 32 points labelled x0 + x1 &lt; 1, a 2-3-1 linear network without bias, gradient descent with learning rate 0.001, batches of 8, 3000 steps</source>
        <translation>教程的原始配置：32 个点，标签为 x0 + x1 &lt; 1；2-3-1 的线性网络，无偏置；梯度下降，学习率 0.001；每批 8 个；训练 3000 轮</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>训练安排</translation>
    </message>
    <message>
        <source>New data (random seed)</source>
        <translation>新数据（随机种子）</translation>
    </message>
    <message>
        <source>Draw a new data seed and regenerate the points; the network starts again from step 0</source>
        <translation>抽取新的数据种子并重新生成数据点；网络从第 0 轮重新开始</translation>
    </message>
    <message>
        <source>Feed the network {feature} (--features {key})</source>
        <translation>把 {feature} 作为网络的输入（--features {key}）</translation>
    </message>
    <message>
        <source>default ({n})</source>
        <translation>默认（{n}）</translation>
    </message>
    <message>
        <source>default ({seed})</source>
        <translation>默认（{seed}）</translation>
    </message>
    <message>
        <source>Not applied — fix: {fields}</source>
        <translation>未应用 —— 请修正：{fields}</translation>
    </message>
</context>
<context>
    <name>DataActions</name>
    <message>
        <source>&amp;Import data (CSV)…</source>
        <translation>导入数据 (CSV)(&amp;I)…</translation>
    </message>
    <message>
        <source>Train on your own points: a CSV file with the columns x0,x1,label or x0,x1,y</source>
        <translation>用你自己的数据点训练：一个 CSV 文件，列为 x0,x1,label 或 x0,x1,y</translation>
    </message>
    <message>
        <source>Export &amp;data as CSV…</source>
        <translation>数据导出为 CSV(&amp;D)…</translation>
    </message>
    <message>
        <source>Write the run&apos;s points and their labels to a CSV file</source>
        <translation>把本次运行的数据点及其标签写入 CSV 文件</translation>
    </message>
    <message>
        <source>Use the &amp;generated data set</source>
        <translation>使用生成的数据集(&amp;G)</translation>
    </message>
    <message>
        <source>Go back from imported or edited points to the data set chosen in the panel</source>
        <translation>从导入或编辑过的数据点回到面板中选择的数据集</translation>
    </message>
    <message>
        <source>&amp;Edit points by clicking</source>
        <translation>点击编辑数据点(&amp;E)</translation>
    </message>
    <message>
        <source>Left click adds a point of class 1, right click one of class 0, Shift-click removes the nearest point</source>
        <translation>左键点击添加类别 1 的点，右键点击添加类别 0 的点，Shift+点击删除最近的点</translation>
    </message>
    <message>
        <source>Cannot use the data</source>
        <translation>无法使用这些数据</translation>
    </message>
    <message>
        <source> (loss is now {loss})</source>
        <translation>（损失函数现在是 {loss}）</translation>
    </message>
    <message>
        <source>Cannot import the data</source>
        <translation>无法导入数据</translation>
    </message>
    <message>
        <source>Imported {n} points from {path} — network reset to step 0</source>
        <translation>已从 {path} 导入 {n} 个点 —— 网络重置到第 0 轮</translation>
    </message>
    <message>
        <source>Cannot export the data</source>
        <translation>无法导出数据</translation>
    </message>
    <message>
        <source>Wrote the data to {path}</source>
        <translation>数据已写入 {path}</translation>
    </message>
    <message>
        <source>Import data</source>
        <translation>导入数据</translation>
    </message>
    <message>
        <source>CSV (*.csv);;All files (*)</source>
        <translation>CSV (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export data as CSV</source>
        <translation>数据导出为 CSV</translation>
    </message>
    <message>
        <source>Editing points: left click adds class 1, right click class 0, Shift-click removes the nearest point</source>
        <translation>正在编辑数据点：左键点击添加类别 1，右键点击添加类别 0，Shift+点击删除最近的点</translation>
    </message>
    <message>
        <source>Points can be added by clicking only to classification data</source>
        <translation>只有分类数据才能通过点击添加点</translation>
    </message>
    <message>
        <source>At least 2 points must stay</source>
        <translation>至少要保留 2 个点</translation>
    </message>
    <message>
        <source>Removed the point at ({x0}, {x1})</source>
        <translation>已删除位于 ({x0}, {x1}) 的点</translation>
    </message>
    <message>
        <source>Added a point of class {label} at ({x0}, {x1})</source>
        <translation>已在 ({x0}, {x1}) 添加类别 {label} 的点</translation>
    </message>
    <message>
        <source> — network reset to step 0</source>
        <translation> —— 网络重置到第 0 轮</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>NumPy archive (*.npz)</source>
        <translation>NumPy 存档 (*.npz)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Python script (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <source>Loss plot as &amp;PNG…</source>
        <translation>损失曲线导出为 &amp;PNG…</translation>
    </message>
    <message>
        <source>Loss plot as &amp;SVG…</source>
        <translation>损失曲线导出为 &amp;SVG…</translation>
    </message>
    <message>
        <source>Loss as &amp;CSV table…</source>
        <translation>损失导出为 &amp;CSV 表格…</translation>
    </message>
    <message>
        <source>Decision &amp;boundary as PNG…</source>
        <translation>决策边界导出为 PNG(&amp;B)…</translation>
    </message>
    <message>
        <source>Decision boundary as SVG…</source>
        <translation>决策边界导出为 SVG…</translation>
    </message>
    <message>
        <source>&amp;Weight heatmaps as PNG…</source>
        <translation>权重热力图导出为 PNG(&amp;W)…</translation>
    </message>
    <message>
        <source>Weight heatmaps as SVG…</source>
        <translation>权重热力图导出为 SVG…</translation>
    </message>
    <message>
        <source>Whole w&amp;indow as PNG…</source>
        <translation>整个窗口导出为 PNG(&amp;I)…</translation>
    </message>
    <message>
        <source>Weights and history as &amp;NPZ…</source>
        <translation>权重和历史导出为 &amp;NPZ…</translation>
    </message>
    <message>
        <source>Weights and history as &amp;JSON…</source>
        <translation>权重和历史导出为 &amp;JSON…</translation>
    </message>
    <message>
        <source>N&amp;umPy script of this run…</source>
        <translation>本次运行的 NumPy 脚本(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;TensorFlow 1 code of this run…</source>
        <translation>本次运行的 TensorFlow 1 代码(&amp;T)…</translation>
    </message>
    <message>
        <source>This plot as PNG…</source>
        <translation>这张图导出为 PNG…</translation>
    </message>
    <message>
        <source>This plot as SVG…</source>
        <translation>这张图导出为 SVG…</translation>
    </message>
    <message>
        <source>Export loss as PNG…</source>
        <translation>导出损失为 PNG…</translation>
    </message>
    <message>
        <source>Export loss as SVG…</source>
        <translation>导出损失为 SVG…</translation>
    </message>
    <message>
        <source>Export loss as CSV…</source>
        <translation>导出损失为 CSV…</translation>
    </message>
    <message>
        <source>&amp;Clear list</source>
        <translation>清空列表(&amp;C)</translation>
    </message>
    <message>
        <source>File not found</source>
        <translation>找不到文件</translation>
    </message>
    <message>
        <source>{path} no longer exists; it was removed from the recent files.</source>
        <translation>{path} 已不存在，已从最近文件中移除。</translation>
    </message>
    <message>
        <source>Removed {path} from the recent files (it no longer exists)</source>
        <translation>已从最近文件中移除 {path}（它已不存在）</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>{path}: neither a bpviz session (.npz) nor a configuration (.json)</source>
        <translation>{path}：既不是 bpviz 会话 (.npz)，也不是配置 (.json)</translation>
    </message>
    <message>
        <source>A picture of the loss curve as shown, with its title</source>
        <translation>损失曲线的图片（与显示的一样，带标题）</translation>
    </message>
    <message>
        <source>The loss curve as a drawing that scales without blur</source>
        <translation>损失曲线的矢量图，缩放不模糊</translation>
    </message>
    <message>
        <source>Every step&apos;s batch loss and the logged loss on all data, one row per step</source>
        <translation>每一轮的批量损失和全部数据上记录的损失，每轮一行</translation>
    </message>
    <message>
        <source>A picture of the network&apos;s output over the plane and the points</source>
        <translation>网络在平面上的输出和数据点的图片</translation>
    </message>
    <message>
        <source>The decision boundary as a drawing that scales without blur</source>
        <translation>决策边界的矢量图，缩放不模糊</translation>
    </message>
    <message>
        <source>A picture of the weight matrices with their numbers</source>
        <translation>权重矩阵及其数值的图片</translation>
    </message>
    <message>
        <source>The weight heatmaps as a drawing that scales without blur</source>
        <translation>权重热图的矢量图，缩放不模糊</translation>
    </message>
    <message>
        <source>A screenshot of the whole window</source>
        <translation>整个窗口的截图</translation>
    </message>
    <message>
        <source>The weights, the losses so far and the configuration, for NumPy (np.load)</source>
        <translation>权重、到目前为止的损失和配置，供 NumPy 读取 (np.load)</translation>
    </message>
    <message>
        <source>The weights, the losses so far and the configuration as JSON text</source>
        <translation>权重、到目前为止的损失和配置，JSON 文本</translation>
    </message>
    <message>
        <source>A Python script that trains this run with NumPy alone and prints what the tutorial prints</source>
        <translation>只用 NumPy 训练本次运行的 Python 脚本，打印内容与教程相同</translation>
    </message>
    <message>
        <source>The tutorial&apos;s TensorFlow 1 program with this run&apos;s settings</source>
        <translation>使用本次运行设置的教程 TensorFlow 1 程序</translation>
    </message>
    <message>
        <source>Continue a saved run: its weights, history, optimizer state and configuration</source>
        <translation>继续一次保存的运行：权重、历史、优化器状态和配置</translation>
    </message>
    <message>
        <source>Save the whole run so far, to continue it later exactly where it is</source>
        <translation>保存到目前为止的整个运行，以后从原处继续</translation>
    </message>
    <message>
        <source>Forget the files opened recently (the files stay where they are)</source>
        <translation>清除最近打开的文件列表（文件本身不受影响）</translation>
    </message>
    <message>
        <source>Cannot open the configuration</source>
        <translation>无法打开配置</translation>
    </message>
    <message>
        <source>Cannot use the configuration</source>
        <translation>无法使用该配置</translation>
    </message>
    <message>
        <source>Opened {path} — network reset to step 0</source>
        <translation>已打开 {path} —— 网络重置到第 0 轮</translation>
    </message>
    <message>
        <source>Open configuration</source>
        <translation>打开配置</translation>
    </message>
    <message>
        <source>Configuration (*.json);;All files (*)</source>
        <translation>配置 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot save the configuration</source>
        <translation>无法保存配置</translation>
    </message>
    <message>
        <source>Saved the configuration to {path}</source>
        <translation>配置已保存到 {path}</translation>
    </message>
    <message>
        <source>Save configuration</source>
        <translation>保存配置</translation>
    </message>
    <message>
        <source>Cannot open the session</source>
        <translation>无法打开会话</translation>
    </message>
    <message>
        <source>{path}: too large to load</source>
        <translation>{path}：文件太大，无法载入</translation>
    </message>
    <message>
        <source>Opened session {path} at step {step} — paused; press Space to continue</source>
        <translation>已打开会话 {path}，位于第 {step} 轮 —— 已暂停；按空格键继续</translation>
    </message>
    <message>
        <source>{path}: the {dataset} has one weight and no plane of samples to draw; open it in View → Compare runs… or run it with bpviz train</source>
        <translation>{path}：{dataset} 只有一个权重，没有可画的样本平面；请在“视图 → 比较多次运行…”中打开，或用 bpviz train 运行</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>bpviz session (*.npz);;All files (*)</source>
        <translation>bpviz 会话 (*.npz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot save the session</source>
        <translation>无法保存会话</translation>
    </message>
    <message>
        <source>Saved the session to {path}</source>
        <translation>会话已保存到 {path}</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <source>bpviz session (*.npz)</source>
        <translation>bpviz 会话 (*.npz)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Picture size</source>
        <translation>图片尺寸</translation>
    </message>
    <message>
        <source>Cannot export the loss plot</source>
        <translation>无法导出损失曲线</translation>
    </message>
    <message>
        <source>Exported the loss plot to {path}</source>
        <translation>损失曲线已导出到 {path}</translation>
    </message>
    <message>
        <source>Cannot export the loss table</source>
        <translation>无法导出损失表格</translation>
    </message>
    <message>
        <source>Exported the loss table to {path}</source>
        <translation>损失表格已导出到 {path}</translation>
    </message>
    <message>
        <source>Cannot export the weights</source>
        <translation>无法导出权重</translation>
    </message>
    <message>
        <source>Exported the weights and history to {path}</source>
        <translation>权重和历史已导出到 {path}</translation>
    </message>
    <message>
        <source>Cannot export the script</source>
        <translation>无法导出脚本</translation>
    </message>
    <message>
        <source>Exported the script to {path}</source>
        <translation>脚本已导出到 {path}</translation>
    </message>
    <message>
        <source>Cannot export the decision boundary</source>
        <translation>无法导出决策边界</translation>
    </message>
    <message>
        <source>Cannot export the weight heatmaps</source>
        <translation>无法导出权重热力图</translation>
    </message>
    <message>
        <source>Cannot export the plot</source>
        <translation>无法导出这张图</translation>
    </message>
    <message>
        <source>Exported the picture to {path}</source>
        <translation>图片已导出到 {path}</translation>
    </message>
    <message>
        <source>Cannot export the window</source>
        <translation>无法导出窗口</translation>
    </message>
    <message>
        <source>Exported the window to {path}</source>
        <translation>窗口已导出到 {path}</translation>
    </message>
    <message>
        <source>Open &amp;session…</source>
        <translation>打开会话(&amp;S)…</translation>
    </message>
    <message>
        <source>Save s&amp;ession…</source>
        <translation>保存会话(&amp;E)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
</context>
<context>
    <name>FitPanel</name>
    <message>
        <source>Predicted vs true</source>
        <translation>预测值与真实值</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>training points</source>
        <translation>训练点</translation>
    </message>
    <message>
        <source>test points</source>
        <translation>测试点</translation>
    </message>
    <message>
        <source>Count the points trained on, or the held-out ones</source>
        <translation>统计用于训练的点，或留出的测试点</translation>
    </message>
    <message>
        <source>Waiting for the first weights…</source>
        <translation>等待第一组权重…</translation>
    </message>
    <message>
        <source>Step {step}: RMSE {rmse}</source>
        <translation>第 {step} 轮：均方根误差 {rmse}</translation>
    </message>
    <message>
        <source> (test {rmse})</source>
        <translation>（测试 {rmse}）</translation>
    </message>
    <message>
        <source>Step {step}: {right} of {total} right</source>
        <translation>第 {step} 轮：{total} 个中 {right} 个正确</translation>
    </message>
</context>
<context>
    <name>GradientCheckView</name>
    <message>
        <source>Is backpropagation right? For every weight w the check also measures the slope directly: (L(w + ε) − L(w − ε)) / 2ε on the next batch, in float64, and compares it with ∂L/∂w from backprop. A relative error below 1e-6 means they agree.</source>
        <translation>反向传播算对了吗？对每个权重 w，检验还直接测量斜率：在下一批数据上用 float64 计算 (L(w + ε) − L(w − ε)) / 2ε，并与反向传播得到的 ∂L/∂w 比较。相对误差低于 1e-6 即为一致。</translation>
    </message>
    <message>
        <source>Check gradients</source>
        <translation>检验梯度</translation>
    </message>
    <message>
        <source>Compare backprop with finite differences on the next batch</source>
        <translation>在下一批数据上比较反向传播与有限差分</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>尚未检验。</translation>
    </message>
    <message>
        <source>matrix</source>
        <translation>矩阵</translation>
    </message>
    <message>
        <source>relative error</source>
        <translation>相对误差</translation>
    </message>
    <message>
        <source>result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>✗ Backprop disagrees with finite differences for {names}.</source>
        <translation>✗ 对 {names}，反向传播与有限差分不一致。</translation>
    </message>
    <message>
        <source>✓ All {n} gradients agree with finite differences.</source>
        <translation>✓ 全部 {n} 个梯度都与有限差分一致。</translation>
    </message>
</context>
<context>
    <name>GradientPanel</name>
    <message>
        <source>∂L/∂W</source>
        <translation>∂L/∂W</translation>
    </message>
    <message>
        <source>ΔW last step</source>
        <translation>上一步的 ΔW</translation>
    </message>
    <message>
        <source>&lt;b&gt;∂L/∂W&lt;/b&gt; of the last update: each weight moves against it.</source>
        <translation>上一次更新的 &lt;b&gt;∂L/∂W&lt;/b&gt;：每个权重沿它的反方向移动。</translation>
    </message>
    <message>
        <source>How much the batch loss would change per unit change of each weight (regularisation included).</source>
        <translation>每个权重变化一个单位时，这批数据的损失会变化多少（含正则化）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;ΔW = new − old&lt;/b&gt;: no update recorded yet (press Step →).</source>
        <translation>&lt;b&gt;ΔW = 新 − 旧&lt;/b&gt;：还没有记录到更新（按“单步 →”）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;∂L/∂W&lt;/b&gt;: no update yet — all zero until the first step (press Step →).</source>
        <translation>&lt;b&gt;∂L/∂W&lt;/b&gt;：还没有更新 —— 第一步之前全为零（按“单步 →”）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Adam&apos;s v&lt;/b&gt;: v′ = v + (g² − v)(1 − β2). Update {i}: &lt;b&gt;lr_t = {lr_t:.6g}&lt;/b&gt; (bias-corrected); each weight moved −lr_t·m′/(√v′ + ε): see ΔW.</source>
        <translation>&lt;b&gt;Adam 的 v&lt;/b&gt;：v′ = v + (g² − v)(1 − β2)。第 {i} 次更新：&lt;b&gt;lr_t = {lr_t:.6g}&lt;/b&gt;（偏差修正后）；每个权重移动了 −lr_t·m′/(√v′ + ε)：见 ΔW。</translation>
    </message>
    <message>
        <source>&lt;b&gt;ΔW = new − old&lt;/b&gt; of update i = {i}: each weight&apos;s effective step</source>
        <translation>第 i = {i} 次更新的 &lt;b&gt;ΔW = 新 − 旧&lt;/b&gt;：每个权重实际走的步长</translation>
    </message>
    <message>
        <source> (= −lr_t·m′/(√v′ + ε), lr_t = {lr_t:.6g})</source>
        <translation> （= −lr_t·m′/(√v′ + ε)，lr_t = {lr_t:.6g}）</translation>
    </message>
</context>
<context>
    <name>ImageSizeDialog</name>
    <message>
        <source>Size of the picture in pixels:</source>
        <translation>图片尺寸（像素）：</translation>
    </message>
    <message>
        <source>&amp;Width:</source>
        <translation>宽(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Height:</source>
        <translation>高(&amp;H)：</translation>
    </message>
</context>
<context>
    <name>InsightBar</name>
    <message>
        <source>Switch on “Biases” (b1 = tf.Variable(tf.zeros(…)) in every layer) and start the run again</source>
        <translation>打开“偏置”（每一层都有 b1 = tf.Variable(tf.zeros(…))），并重新开始运行</translation>
    </message>
    <message>
        <source>Set the activation to tanh (tf.nn.tanh) and switch on biases, with a hidden layer of 8 if there is none, and start the run again</source>
        <translation>把激活函数设为 tanh (tf.nn.tanh) 并打开偏置（若没有隐藏层则加一个 8 个神经元的隐藏层），然后重新开始运行</translation>
    </message>
    <message>
        <source>Set the learning rate to {lr} from the next step on, without a reset</source>
        <translation>从下一轮起把学习率设为 {lr}，不重置</translation>
    </message>
    <message>
        <source>Dismiss: not shown again for this run</source>
        <translation>关闭：本次运行不再显示</translation>
    </message>
    <message>
        <source>&lt;b&gt;This boundary can never match {truth}:&lt;/b&gt; without activation and biases the network computes y = {output}, which is 0 at the origin, so its 0.5-boundary &lt;b&gt;{line}&lt;/b&gt; always leaves the origin on the 0 side, but the data labels it 1 ({rule}).</source>
        <translation>&lt;b&gt;这条边界永远无法与 {truth} 重合：&lt;/b&gt;没有激活函数也没有偏置，网络算的是 y = {output}，在原点处为 0，所以它的 0.5 边界 &lt;b&gt;{line}&lt;/b&gt; 总把原点留在 0 的一侧，而数据把原点标为 1（{rule}）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;This boundary can never match {truth}:&lt;/b&gt; without activation and biases the network computes the logit y = {output}, so its boundary (y = 0, probability 0.5) &lt;b&gt;{line}&lt;/b&gt; always passes through the origin, and {truth} does not.</source>
        <translation>&lt;b&gt;这条边界永远无法与 {truth} 重合：&lt;/b&gt;没有激活函数也没有偏置，网络算的是 logit y = {output}，所以它的边界（y = 0，概率 0.5）&lt;b&gt;{line}&lt;/b&gt; 总是经过原点，而 {truth} 不经过。</translation>
    </message>
    <message>
        <source>Add biases</source>
        <translation>加上偏置</translation>
    </message>
    <message>
        <source>&lt;b&gt;A straight line cannot match {truth}:&lt;/b&gt; without an activation the network&apos;s output is linear in x0 and x1, so its boundary is a straight line, biases or not; the data&apos;s boundary is a curve ({rule}). A hidden layer with an activation such as tanh can bend it.</source>
        <translation>&lt;b&gt;直线无法与 {truth} 重合：&lt;/b&gt;没有激活函数时，网络的输出是 x0 和 x1 的线性函数，所以不论有没有偏置，它的边界都是一条直线；而数据的边界是一条曲线（{rule}）。带 tanh 等激活函数的隐藏层才能把它弯过来。</translation>
    </message>
    <message>
        <source>Use tanh and biases</source>
        <translation>使用 tanh 和偏置</translation>
    </message>
    <message>
        <source>&lt;b&gt;The batch loss repeats every {period} steps:&lt;/b&gt; the {n} training points make the same {period} batches of {size}, in the same order every time; samples #{wf}–#{wl} cost {high}, samples #{bf}–#{bl} only {low}. The loss on all data (a dot every {log} steps) shows the trend.</source>
        <translation>&lt;b&gt;每批数据的损失每 {period} 轮重复一次：&lt;/b&gt;{n} 个训练样本总是组成同样的 {period} 批、每批 {size} 个，每次顺序都一样；样本 #{wf}–#{wl} 的损失是 {high}，样本 #{bf}–#{bl} 只有 {low}。全部数据上的损失（每 {log} 轮一个点）才显示趋势。</translation>
    </message>
    <message>
        <source>&lt;b&gt;The loss has nearly stopped falling:&lt;/b&gt; {before} at step {a}, {after} at step {b}: {percent}% less, under 0.1% per 500 steps at learning rate {lr}. A larger learning rate or Adam may go further, unless this is as low as this network can go.</source>
        <translation>&lt;b&gt;损失几乎不再下降：&lt;/b&gt;第 {a} 轮为 {before}，第 {b} 轮为 {after}：只少了 {percent}%，学习率 {lr} 下每 500 轮不到 0.1%。更大的学习率或 Adam 也许能走得更远，除非这已经是这个网络能达到的最低值。</translation>
    </message>
    <message>
        <source>&lt;b&gt;The loss has nearly stopped falling:&lt;/b&gt; {before} at step {a}, {after} at step {b}: {percent}% less, under 0.1% per 500 steps at learning rate {lr}. A larger learning rate may go further, unless this is as low as this network can go.</source>
        <translation>&lt;b&gt;损失几乎不再下降：&lt;/b&gt;第 {a} 轮为 {before}，第 {b} 轮为 {after}：只少了 {percent}%，学习率 {lr} 下每 500 轮不到 0.1%。更大的学习率也许能走得更远，除非这已经是这个网络能达到的最低值。</translation>
    </message>
    <message>
        <source>Use learning rate {lr}</source>
        <translation>使用学习率 {lr}</translation>
    </message>
</context>
<context>
    <name>InspectWorkspace</name>
    <message>
        <source>Samples of the run; press Step (→) to record an update.</source>
        <translation>本次运行的样本；按“单步”（→）记录一次更新。</translation>
    </message>
    <message>
        <source>Step inspector</source>
        <translation>单步检查器</translation>
    </message>
    <message>
        <source>Gradients &amp;&amp; optimizer</source>
        <translation>梯度与优化器</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Gradient check</source>
        <translation>梯度检验</translation>
    </message>
    <message>
        <source>Next phase</source>
        <translation>下一阶段</translation>
    </message>
    <message>
        <source>Step inspector: next phase (Ctrl+→)</source>
        <translation>单步检查器：下一阶段（Ctrl+→）</translation>
    </message>
    <message>
        <source>Previous phase</source>
        <translation>上一阶段</translation>
    </message>
    <message>
        <source>Step inspector: previous phase (Ctrl+←)</source>
        <translation>单步检查器：上一阶段（Ctrl+←）</translation>
    </message>
    <message>
        <source>{w} = {v}: takes effect at the next update (i = {step}) and is recorded in the history</source>
        <translation>{w} = {v}：在下一次更新（i = {step}）时生效，并记入历史</translation>
    </message>
    <message>
        <source>Step 0: the first batch (✓) is what update i = 0 will train on.</source>
        <translation>第 0 轮：第一批数据（✓）就是第 i = 0 次更新要训练的数据。</translation>
    </message>
    <message>
        <source>At step {step} (replayed from the nearest checkpoint)</source>
        <translation>第 {step} 轮（从最近的检查点重放）</translation>
    </message>
    <message>
        <source>Update i = {i}: each sample&apos;s prediction and loss &lt;i&gt;before&lt;/i&gt; the update; ✓ = in its batch, share = its part of the batch gradient. Select a row to find the point.</source>
        <translation>第 i = {i} 次更新：每个样本在更新&lt;i&gt;之前&lt;/i&gt;的预测值和损失；✓ = 在这一批中，占比 = 它在这批梯度中所占的份额。选中一行可找到对应的点。</translation>
    </message>
    <message>
        <source>Could not do that: {error}</source>
        <translation>无法完成：{error}</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <source>The page of the first launch: start the lessons, or just explore the tutorial run</source>
        <translation>首次启动时的页面：开始学习课程，或者直接探索教程的运行</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一课</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一课 ▶</translation>
    </message>
    <message>
        <source>Set up</source>
        <translation>设置本课</translation>
    </message>
    <message>
        <source>Stop the run and start this lesson&apos;s configuration at step 0</source>
        <translation>停止当前运行，从第 0 轮开始本课的配置</translation>
    </message>
    <message>
        <source>Welcome to bpviz</source>
        <translation>欢迎使用 bpviz</translation>
    </message>
    <message>
        <source>&lt;p&gt;bpviz runs the TensorFlow 1 backpropagation tutorial exactly — the same 32 points, the same 2-3-1 network, the same losses printed — and lets you watch every step of its training.&lt;/p&gt;&lt;p&gt;The lessons walk through the tutorial in order: the loss function (mean squared error), the three ways of training (gradient descent, momentum, Adam), the learning rate, the code and the recipe of every network (prepare, forward, backward, iterate), then the course&apos;s cost/profit loss and learning-rate examples. Each lesson sets up its run with one click.&lt;/p&gt;</source>
        <translation>&lt;p&gt;bpviz 精确地重现 TensorFlow 1 反向传播教程 —— 同样的 32 个点、同样的 2-3-1 网络、打印出同样的损失 —— 并让你看到训练的每一步。&lt;/p&gt;&lt;p&gt;课程按教程的顺序进行：损失函数（均方误差）、三种训练方法（梯度下降、动量、Adam）、学习率、代码和神经网络八股（准备、前传、反传、迭代），然后是课程中的成本/利润损失函数和学习率的例子。每一课点一下就能设置好它的运行。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Start the lessons</source>
        <translation>开始学习课程</translation>
    </message>
    <message>
        <source>Just explore the tutorial run</source>
        <translation>直接探索教程的运行</translation>
    </message>
    <message>
        <source>This page comes back from Lessons → Start page.</source>
        <translation>可以从“课程 → 起始页”再次打开本页。</translation>
    </message>
    <message>
        <source>L&amp;essons</source>
        <translation>课程(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Start page</source>
        <translation>起始页(&amp;S)</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>当前课程</translation>
    </message>
    <message>
        <source>No lessons</source>
        <translation>没有课程</translation>
    </message>
    <message>
        <source>Lesson {n} of {count}</source>
        <translation>第 {n} 课，共 {count} 课</translation>
    </message>
    <message>
        <source>Lesson {k}: show its text and set up its run at step 0</source>
        <translation>第 {k} 课：显示课文，并把它的运行设置在第 0 轮</translation>
    </message>
    <message>
        <source>What to look for</source>
        <translation>观察什么</translation>
    </message>
    <message>
        <source>Could not read a lesson: {error}</source>
        <translation>无法读取一课：{error}</translation>
    </message>
    <message>
        <source>Lesson “{title}” could not be set up</source>
        <translation>无法设置课程“{title}”</translation>
    </message>
    <message>
        <source>Lesson “{title}” is set up in the Compare window</source>
        <translation>课程“{title}”已在“比较多次运行”窗口中设置好</translation>
    </message>
    <message>
        <source>Lesson “{title}” is set up — step 0, paused</source>
        <translation>课程“{title}”已设置好 —— 第 0 轮，已暂停</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>怎么做</translation>
    </message>
</context>
<context>
    <name>LiveView</name>
    <message>
        <source>true boundary {equation}</source>
        <translation>真实边界 {equation}</translation>
    </message>
    <message>
        <source>Sample {i}: x0 = {x0}, x1 = {x1}, label {label}, output {out} (step {step})</source>
        <translation>样本 {i}：x0 = {x0}，x1 = {x1}，标签 {label}，输出 {out}（第 {step} 轮）</translation>
    </message>
</context>
<context>
    <name>LossFigure</name>
    <message>
        <source>Training loss: {summary}</source>
        <translation>训练损失：{summary}</translation>
    </message>
    <message>
        <source>step</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>loss on the mini-batch</source>
        <translation>本批数据上的损失</translation>
    </message>
    <message>
        <source> (min/max per bin)</source>
        <translation>（每段的最小/最大值）</translation>
    </message>
    <message>
        <source>, smoothed {weight}</source>
        <translation>，平滑 {weight}</translation>
    </message>
    <message>
        <source>loss on all data</source>
        <translation>全部数据上的损失</translation>
    </message>
    <message>
        <source> (every {n} steps)</source>
        <translation>（每 {n} 轮）</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>step</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Logarithmic loss axis</source>
        <translation>损失轴用对数刻度</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>准确率 (%)</translation>
    </message>
    <message>
        <source>Accuracy on a second axis</source>
        <translation>在第二条纵轴上显示准确率</translation>
    </message>
    <message>
        <source>hover over the plot to read the losses at a step</source>
        <translation>鼠标悬停在图上可读取某一轮的损失</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>Exponential moving average of the batch loss, debiased as in TensorBoard; the raw curve stays faint behind. Exported figures use it too; CSV tables keep the raw values.</source>
        <translation>本批损失的指数滑动平均，像 TensorBoard 一样做了偏差修正；原始曲线以浅色留在后面。导出的图也使用它；CSV 表格保留原始值。</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>The share of the points classified right at the logged steps, on the training points and (dashed) the test points, on an axis on the right</source>
        <translation>在记录的各轮上分类正确的点所占比例：训练点，以及（虚线）测试点，画在右侧的纵轴上</translation>
    </message>
    <message>
        <source>batch loss</source>
        <translation>本批损失</translation>
    </message>
    <message>
        <source>loss on all data</source>
        <translation>全部数据上的损失</translation>
    </message>
    <message>
        <source>test loss (held-out points)</source>
        <translation>测试损失（留出的点）</translation>
    </message>
    <message>
        <source>printed steps</source>
        <translation>打印的轮次</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>step {step} · batch loss {loss}</source>
        <translation>第 {step} 轮 · 本批损失 {loss}</translation>
    </message>
    <message>
        <source> (smoothed {loss})</source>
        <translation>（平滑后 {loss}）</translation>
    </message>
    <message>
        <source> · loss on all data {loss}</source>
        <translation> · 全部数据上的损失 {loss}</translation>
    </message>
    <message>
        <source> · test loss {loss}</source>
        <translation> · 测试损失 {loss}</translation>
    </message>
    <message>
        <source> · accuracy {share} %</source>
        <translation> · 准确率 {share} %</translation>
    </message>
    <message>
        <source> (test {share} %)</source>
        <translation>（测试 {share} %）</translation>
    </message>
</context>
<context>
    <name>LossSurfaceView</name>
    <message>
        <source>Two random directions</source>
        <translation>两个随机方向</translation>
    </message>
    <message>
        <source>Two weights</source>
        <translation>两个权重</translation>
    </message>
    <message>
        <source>fit paths</source>
        <translation>适配路径</translation>
    </message>
    <message>
        <source>Half the side of the plane shown; &apos;fit paths&apos; makes every path fit</source>
        <translation>所显示平面边长的一半；&apos;fit paths&apos;（适配路径）让每条路径都能完整显示</translation>
    </message>
    <message>
        <source>Recentre</source>
        <translation>重新居中</translation>
    </message>
    <message>
        <source>Put the plane through the selected run&apos;s weights now</source>
        <translation>让平面立即经过所选运行的权重</translation>
    </message>
    <message>
        <source>Plane:</source>
        <translation>平面：</translation>
    </message>
    <message>
        <source>Extent:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>loss on all data</source>
        <translation>全部数据上的损失</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Could not restore the last configuration ({error}); using the tutorial&apos;s</source>
        <translation>无法恢复上次的配置（{error}）；改用教程的配置</translation>
    </message>
    <message>
        <source>Ready — press Space to start, → to step one mini-batch</source>
        <translation>就绪 —— 按空格键开始训练，按 → 训练一批数据</translation>
    </message>
    <message>
        <source>Controls</source>
        <translation>控制</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Start or pause training (Space)</source>
        <translation>开始或暂停训练（空格）</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Train on exactly one mini-batch and highlight its points (→)</source>
        <translation>只用一批数据训练一次，并高亮这批数据点（→）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to the initial weights, step 0 (Ctrl+R)</source>
        <translation>回到初始权重，第 0 轮（Ctrl+R）</translation>
    </message>
    <message>
        <source>Run to target</source>
        <translation>训练到目标</translation>
    </message>
    <message>
        <source>Train until the target step, then pause (Ctrl+T)</source>
        <translation>训练到目标轮数后暂停（Ctrl+T）</translation>
    </message>
    <message>
        <source>Tutorial defaults</source>
        <translation>教程默认值</translation>
    </message>
    <message>
        <source>Restore the tutorial&apos;s exact configuration</source>
        <translation>恢复教程的原始配置</translation>
    </message>
    <message>
        <source>&amp;Open configuration…</source>
        <translation>打开配置(&amp;O)…</translation>
    </message>
    <message>
        <source>Read a configuration (.json) and train that run from step 0</source>
        <translation>读取配置 (.json)，从第 0 轮开始训练该运行</translation>
    </message>
    <message>
        <source>&amp;Save configuration…</source>
        <translation>保存配置(&amp;S)…</translation>
    </message>
    <message>
        <source>Write this run&apos;s settings to a .json file (bpviz train --config FILE trains the same run)</source>
        <translation>把本次运行的设置写入 .json 文件（bpviz train --config FILE 训练同一运行）</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Pictures, tables, weights or the code of this run</source>
        <translation>本次运行的图片、表格、权重或代码</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Close bpviz; the configuration and layout are kept for next time</source>
        <translation>关闭 bpviz；配置和布局保留到下次</translation>
    </message>
    <message>
        <source>&amp;Logarithmic loss axis</source>
        <translation>损失轴用对数刻度(&amp;L)</translation>
    </message>
    <message>
        <source>Draw the loss on a log scale, so that small late changes stay visible</source>
        <translation>用对数坐标画损失，后期的微小变化也看得见</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Every keyboard shortcut of the window</source>
        <translation>窗口的所有键盘快捷键</translation>
    </message>
    <message>
        <source>&amp;About bpviz</source>
        <translation>关于 bpviz(&amp;A)</translation>
    </message>
    <message>
        <source>The version and what bpviz is</source>
        <translation>版本以及 bpviz 是什么</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>训练控制</translation>
    </message>
    <message>
        <source>Show or hide the “{title}” panel</source>
        <translation>显示或隐藏“{title}”面板</translation>
    </message>
    <message>
        <source>Show or hide the “{title}” tool bar</source>
        <translation>显示或隐藏“{title}”工具栏</translation>
    </message>
    <message>
        <source>Show bpviz in {language} now; the run goes on where it is</source>
        <translation>立即以{language}显示 bpviz；运行从原处继续</translation>
    </message>
    <message>
        <source>Running to step {target}…</source>
        <translation>正在训练到第 {target} 轮…</translation>
    </message>
    <message>
        <source>Reset to the initial weights (step 0)</source>
        <translation>已重置为初始权重（第 0 轮）</translation>
    </message>
    <message>
        <source>Shortcuts work anywhere in the window except while you type in a text field (press Enter or click elsewhere to leave it).</source>
        <translation>快捷键在窗口内任何地方都有效，正在文本框中输入时除外（按回车或点击别处即可离开文本框）。</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>About bpviz</source>
        <translation>关于 bpviz</translation>
    </message>
    <message>
        <source>&lt;h3&gt;bpviz {version}&lt;/h3&gt;&lt;p&gt;See and drive backpropagation: the TensorFlow 1 tutorial&apos;s 2-3-1 network, reproduced exactly and trained live.&lt;/p&gt;&lt;p&gt;The same configuration gives the same weights here and with &lt;code&gt;bpviz train&lt;/code&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;bpviz {version}&lt;/h3&gt;&lt;p&gt;看见并操控反向传播：精确复现 TensorFlow 1 教程中的 2-3-1 网络，并实时训练。&lt;/p&gt;&lt;p&gt;同样的配置，在这里和用 &lt;code&gt;bpviz train&lt;/code&gt; 得到的权重完全相同。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>bpviz — {sizes} {activation} network, {optimizer}, lr {lr}</source>
        <translation>bpviz —— {sizes} {activation}网络，{optimizer}，学习率 {lr}</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
</context>
<context>
    <name>MatrixBlock</name>
    <message>
        <source>(first {r} × {c} of {rows} × {cols})</source>
        <translation>（{rows} × {cols} 中的前 {r} × {c}）</translation>
    </message>
</context>
<context>
    <name>MatrixHeatmap</name>
    <message>
        <source>in</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>out</source>
        <translation>输出</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>NetworkDiagram</name>
    <message>
        <source>Colour and width by:</source>
        <translation>颜色和粗细表示：</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>gradient ∂L/∂w</source>
        <translation>梯度 ∂L/∂w</translation>
    </message>
    <message>
        <source>forward: computing every layer&apos;s output</source>
        <translation>前传：计算每一层的输出</translation>
    </message>
    <message>
        <source>backward: ∂L/∂w{k} computed here</source>
        <translation>反传：在这里计算 ∂L/∂w{k}</translation>
    </message>
    <message>
        <source>update: every weight changes</source>
        <translation>更新：每个权重都改变</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>{w}: from {src} to {dst}</source>
        <translation>{w}：从 {src} 到 {dst}</translation>
    </message>
    <message>
        <source>(not set yet)</source>
        <translation>（尚未设置）</translation>
    </message>
    <message>
        <source>weight = {v}</source>
        <translation>权重 = {v}</translation>
    </message>
    <message>
        <source>∂L/∂{w} = {g} (last update)</source>
        <translation>∂L/∂{w} = {g}（上一次更新）</translation>
    </message>
    <message>
        <source>(no update yet)</source>
        <translation>（还没有更新）</translation>
    </message>
    <message>
        <source>Click to change this weight.</source>
        <translation>点击可修改这个权重。</translation>
    </message>
    <message>
        <source>Change a weight</source>
        <translation>修改权重</translation>
    </message>
    <message>
        <source>New value for {w} (now {v}).
It takes effect before the next update.</source>
        <translation>{w} 的新值（当前为 {v}）。
在下一次更新之前生效。</translation>
    </message>
    <message>
        <source>This network has {n} weights: too many to draw one by one.
The diagram shows networks with up to {max} weights.</source>
        <translation>这个网络有 {n} 个权重：太多，无法逐个画出。
示意图只显示最多 {max} 个权重的网络。</translation>
    </message>
    <message>
        <source>input {s}</source>
        <translation>输入 {s}</translation>
    </message>
    <message>
        <source>output {s}</source>
        <translation>输出 {s}</translation>
    </message>
    <message>
        <source>hidden {s}</source>
        <translation>隐藏 {s}</translation>
    </message>
    <message>
        <source>bias of layer {k}: the constant input 1, weighted by b{k}</source>
        <translation>第 {k} 层的偏置：常数输入 1，权重为 b{k}</translation>
    </message>
    <message>
        <source>gradient</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{pos}&apos;&gt;■ positive&lt;/span&gt; &amp;nbsp; &lt;span style=&apos;color:{neg}&apos;&gt;■ negative&lt;/span&gt; &amp;nbsp; thicker = larger |{what}|</source>
        <translation>&lt;span style=&apos;color:{pos}&apos;&gt;■ 正&lt;/span&gt; &amp;nbsp; &lt;span style=&apos;color:{neg}&apos;&gt;■ 负&lt;/span&gt; &amp;nbsp; 越粗 = |{what}| 越大</translation>
    </message>
    <message>
        <source>Hover over a link to read its weight; click it to change the weight.</source>
        <translation>鼠标悬停在连线上可读取其权重；点击可修改权重。</translation>
    </message>
</context>
<context>
    <name>PlotExport</name>
    <message>
        <source>This plot as PNG…</source>
        <translation>这张图导出为 PNG…</translation>
    </message>
    <message>
        <source>This plot as SVG…</source>
        <translation>这张图导出为 SVG…</translation>
    </message>
    <message>
        <source>Loss plot as PNG…</source>
        <translation>损失曲线导出为 PNG…</translation>
    </message>
    <message>
        <source>Loss plot as SVG…</source>
        <translation>损失曲线导出为 SVG…</translation>
    </message>
    <message>
        <source>Loss as CSV table…</source>
        <translation>损失导出为 CSV 表格…</translation>
    </message>
    <message>
        <source>Decision boundary as PNG…</source>
        <translation>决策边界导出为 PNG…</translation>
    </message>
    <message>
        <source>Decision boundary as SVG…</source>
        <translation>决策边界导出为 SVG…</translation>
    </message>
    <message>
        <source>Weight heatmaps as PNG…</source>
        <translation>权重热力图导出为 PNG…</translation>
    </message>
    <message>
        <source>Weight heatmaps as SVG…</source>
        <translation>权重热力图导出为 SVG…</translation>
    </message>
</context>
<context>
    <name>PredictionPlot</name>
    <message>
        <source>true value</source>
        <translation>真实值</translation>
    </message>
    <message>
        <source>predicted value</source>
        <translation>预测值</translation>
    </message>
    <message>
        <source>training points</source>
        <translation>训练点</translation>
    </message>
    <message>
        <source>y = x</source>
        <translation>y = x</translation>
    </message>
    <message>
        <source>test points</source>
        <translation>测试点</translation>
    </message>
</context>
<context>
    <name>SampleTableModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>x0</source>
        <translation>x0</translation>
    </message>
    <message>
        <source>x1</source>
        <translation>x1</translation>
    </message>
    <message>
        <source>label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>prediction</source>
        <translation>预测值</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>in batch</source>
        <translation>在本批中</translation>
    </message>
    <message>
        <source>share of batch gradient</source>
        <translation>占本批梯度的份额</translation>
    </message>
    <message>
        <source>The answer y_ the network should give.</source>
        <translation>网络应给出的标准答案 y_。</translation>
    </message>
    <message>
        <source>The target y_: {rule}.</source>
        <translation>目标值 y_：{rule}。</translation>
    </message>
    <message>
        <source>The answer y_: {rule}.</source>
        <translation>标准答案 y_：{rule}。</translation>
    </message>
    <message>
        <source>The sample&apos;s row in X (the tutorial&apos;s X = rng.rand(32,2)).</source>
        <translation>样本在 X 中的行号（教程中 X = rng.rand(32,2)）。</translation>
    </message>
    <message>
        <source>First input feature.</source>
        <translation>第一个输入特征。</translation>
    </message>
    <message>
        <source>Second input feature.</source>
        <translation>第二个输入特征。</translation>
    </message>
    <message>
        <source>The network&apos;s output y for this sample, with the current weights.</source>
        <translation>用当前权重时网络对这个样本的输出 y。</translation>
    </message>
    <message>
        <source>This sample&apos;s loss term, e.g. (y − y_)² for MSE.</source>
        <translation>这个样本的损失项，例如均方误差的 (y − y_)²。</translation>
    </message>
    <message>
        <source>✓ if the sample is in the mini-batch of the update being shown.</source>
        <translation>样本在所显示更新的这一批数据中时为 ✓。</translation>
    </message>
    <message>
        <source>How much of the batch&apos;s gradient comes from this sample: gᵢ·G/‖G‖², where gᵢ is its own gradient term and G the batch gradient. The shares add up to 100 %; a negative share pulls against the batch.</source>
        <translation>这批数据的梯度中有多少来自这个样本：gᵢ·G/‖G‖²，其中 gᵢ 是它自己的梯度项，G 是这批数据的梯度。各份额之和为 100 %；负份额与整批的方向相反。</translation>
    </message>
</context>
<context>
    <name>SpeedControl</name>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Steps per second; “max” trains as fast as the computer can</source>
        <translation>每秒训练轮数；“最快”表示计算机能多快就多快</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最快</translation>
    </message>
    <message>
        <source>{n} steps/s</source>
        <translation>{n} 轮/秒</translation>
    </message>
</context>
<context>
    <name>StatusReporter</name>
    <message>
        <source>Changed {fields}: the network starts again at step 0 (the run so far was discarded)</source>
        <translation>已修改 {fields}：网络从第 0 轮重新开始（之前的训练已丢弃）</translation>
    </message>
    <message>
        <source>Changed {fields}: new network at step 0</source>
        <translation>已修改 {fields}：新网络，第 0 轮</translation>
    </message>
    <message>
        <source>Learning rate is now {lr} from the next step on, without a reset</source>
        <translation>学习率从下一轮起改为 {lr}，不重置</translation>
    </message>
    <message>
        <source>Target is now step {target}</source>
        <translation>目标改为第 {target} 轮</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>训练中…</translation>
    </message>
    <message>
        <source>Paused at step {step}</source>
        <translation>已暂停于第 {step} 轮</translation>
    </message>
    <message>
        <source>Step {step}: one update on samples {first}–{last} (highlighted)</source>
        <translation>第 {step} 轮：在样本 {first}–{last}（已高亮）上更新一次</translation>
    </message>
    <message>
        <source>Diverged at step {step} (loss {loss}): paused with the last finite weights — try a smaller learning rate</source>
        <translation>在第 {step} 轮发散（损失 {loss}）：已暂停并保留最后的有限权重 —— 请尝试更小的学习率</translation>
    </message>
    <message>
        <source>Training diverged at step {step}: the loss became {loss}. Training paused and kept the last finite weights (those after {kept} steps). Try a smaller learning rate than {lr}, then Reset (Ctrl+R).</source>
        <translation>训练在第 {step} 轮发散：损失变成了 {loss}。训练已暂停，保留了最后的有限权重（第 {kept} 轮之后的权重）。请尝试比 {lr} 更小的学习率，然后重置（Ctrl+R）。</translation>
    </message>
    <message>
        <source>Use lr {lr} and reset</source>
        <translation>使用学习率 {lr} 并重置</translation>
    </message>
    <message>
        <source>Already past the target ({target} steps); raise “Target steps” to train further</source>
        <translation>已超过目标（{target} 轮）；要继续训练，请调高“训练轮数”</translation>
    </message>
    <message>
        <source>Reached the target: {step} steps; loss on all data at step {at}: {loss}</source>
        <translation>已到达目标：{step} 轮；第 {at} 轮时全部数据上的损失：{loss}</translation>
    </message>
    <message>
        <source>Reached the target: {step} steps</source>
        <translation>已到达目标：{step} 轮</translation>
    </message>
    <message>
        <source>Training stopped by an error: {message}</source>
        <translation>训练因错误而停止：{message}</translation>
    </message>
    <message>
        <source> The details are in {path}.</source>
        <translation> 详情见 {path}。</translation>
    </message>
    <message>
        <source>Training stopped by an unexpected error: {message}. Training is paused; you can go on, reset or save.</source>
        <translation>训练因意外错误而停止：{message}。训练已暂停；你可以继续、重置或保存。</translation>
    </message>
</context>
<context>
    <name>StepInspector</name>
    <message>
        <source>No update recorded yet.</source>
        <translation>还没有记录到更新。</translation>
    </message>
    <message>
        <source>◀ Previous phase</source>
        <translation>◀ 上一阶段</translation>
    </message>
    <message>
        <source>Next phase ▶</source>
        <translation>下一阶段 ▶</translation>
    </message>
    <message>
        <source>Run one update (Step) to see where each of its numbers comes from.</source>
        <translation>运行一次更新（单步），看看其中每个数是怎么来的。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Update i = {step}&lt;/b&gt; (the tutorial&apos;s loop variable) &amp;nbsp;·&amp;nbsp; batch: samples #{first}–#{last} ({n} samples) &amp;nbsp;·&amp;nbsp; {opt}, lr = {lr} &amp;nbsp;·&amp;nbsp; batch loss {loss}</source>
        <translation>&lt;b&gt;第 i = {step} 次更新&lt;/b&gt;（教程中的循环变量）&amp;nbsp;·&amp;nbsp; 本批：样本 #{first}–#{last}（{n} 个样本）&amp;nbsp;·&amp;nbsp; {opt}，lr = {lr} &amp;nbsp;·&amp;nbsp; 本批损失 {loss}</translation>
    </message>
    <message>
        <source>Go to this phase</source>
        <translation>转到这一阶段</translation>
    </message>
    <message>
        <source>backward: layer {k}</source>
        <translation>反传：第 {k} 层</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>前传</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>&lt;b&gt;1. Forward pass.&lt;/b&gt; The batch&apos;s {n} samples go through the network together, layer by layer. Each layer multiplies its input by its weight matrix — one row per sample, one column per neuron — then applies its activation.</source>
        <translation>&lt;b&gt;1. 前向传播。&lt;/b&gt;这批数据的 {n} 个样本一起逐层通过网络。每一层把输入乘以它的权重矩阵（每个样本一行，每个神经元一列），再施加激活函数。</translation>
    </message>
    <message>
        <source>&lt;b&gt;2. Loss.&lt;/b&gt; One number says how wrong the predictions y are compared with the labels y_. Training tries to make this number small.</source>
        <translation>&lt;b&gt;2. 损失函数。&lt;/b&gt;用一个数衡量预测值 y 与标签 y_ 差多少。训练就是要让这个数变小。</translation>
    </message>
    <message>
        <source>&lt;b&gt;2. Loss.&lt;/b&gt; One number says how far the predictions y are from the targets y_ ({rule}). Training tries to make this number small.</source>
        <translation>&lt;b&gt;2. 损失函数。&lt;/b&gt;用一个数衡量预测值 y 离目标值 y_（{rule}）有多远。训练就是要让这个数变小。</translation>
    </message>
    <message>
        <source>&lt;b&gt;2. Loss.&lt;/b&gt; One number says how wrong the predictions y are compared with the labels y_ ({rule}). Training tries to make this number small.</source>
        <translation>&lt;b&gt;2. 损失函数。&lt;/b&gt;用一个数衡量预测值 y 与标签 y_（{rule}）差多少。训练就是要让这个数变小。</translation>
    </message>
    <message>
        <source>In this run every layer is linear and adds a bias: {code}.</source>
        <translation>本次运行中每一层都是线性的，并加上偏置：{code}。</translation>
    </message>
    <message>
        <source>In this run, as in the tutorial, both layers are linear: {code}.</source>
        <translation>本次运行和教程一样，两层都是线性的：{code}。</translation>
    </message>
    <message>
        <source>In this run every layer is linear: {code}.</source>
        <translation>本次运行中每一层都是线性的：{code}。</translation>
    </message>
    <message>
        <source>In this run the hidden layers add a bias and apply {act}; the output layer is linear: {code}.</source>
        <translation>本次运行中隐藏层加上偏置并施加 {act}；输出层是线性的：{code}。</translation>
    </message>
    <message>
        <source>In this run the hidden layers apply {act} and the output layer is linear: {code}.</source>
        <translation>本次运行中隐藏层施加 {act}，输出层是线性的：{code}。</translation>
    </message>
    <message>
        <source>&lt;b&gt;3. Backward pass, layer {k}.&lt;/b&gt; Going from the loss back through the network, the chain rule gives ∂L/∂w for every weight: how much the loss would change if that weight grew a little. Each ∂L/∂… table has the shape of the thing it belongs to. Step through the layers from the output (layer {top}) down to layer 1.</source>
        <translation>&lt;b&gt;3. 反向传播，第 {k} 层。&lt;/b&gt;从损失出发反向穿过网络，链式法则给出每个权重的 ∂L/∂w：这个权重稍微变大时损失会变化多少。每张 ∂L/∂… 表的形状与它所属的量相同。从输出层（第 {top} 层）逐层向下走到第 1 层。</translation>
    </message>
    <message>
        <source>&lt;b&gt;4. Update.&lt;/b&gt; The optimizer changes every weight using its gradient. The new weights are what the next update&apos;s forward pass starts from.</source>
        <translation>&lt;b&gt;4. 更新。&lt;/b&gt;优化器用每个权重的梯度修改它。新的权重就是下一次更新的前向传播的起点。</translation>
    </message>
</context>
<context>
    <name>TimelineBar</name>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Drag to preview a past step, release to go there (replayed exactly)</source>
        <translation>拖动可预览过去的某一轮，松开即跳到那里（精确重放）</translation>
    </message>
    <message>
        <source>Go to this step</source>
        <translation>转到这一轮</translation>
    </message>
    <message>
        <source> Timeline: step </source>
        <translation> 时间线：第 </translation>
    </message>
    <message>
        <source>branched at step {k}</source>
        <translation>在第 {k} 轮分支</translation>
    </message>
    <message>
        <source> &lt;span style=&apos;color:#c83ca0&apos;&gt;&lt;b&gt;branched at step {k}&lt;/b&gt;&lt;/span&gt; — the faint dashed curve is the abandoned future (to step {n})</source>
        <translation> &lt;span style=&apos;color:#c83ca0&apos;&gt;&lt;b&gt;在第 {k} 轮分支&lt;/b&gt;&lt;/span&gt; —— 浅色虚线是被放弃的未来（到第 {n} 轮）</translation>
    </message>
    <message>
        <source> rewound — the faint dashed curve is the old future (to step {n}): step, run or seek forward to replay it exactly; change something to branch</source>
        <translation> 已回退 —— 浅色虚线是原来的未来（到第 {n} 轮）：单步、运行或向前拖动可精确重放；修改任何设置则产生分支</translation>
    </message>
    <message>
        <source> of {n} </source>
        <translation> 轮，共 {n} 轮 </translation>
    </message>
    <message>
        <source>step {step} · batch loss {loss} (old future; release to replay it)</source>
        <translation>第 {step} 轮 · 本批损失 {loss}（原来的未来；松开即可重放）</translation>
    </message>
</context>
<context>
    <name>Tooltips</name>
    <message>
        <source>Labels: {rule}</source>
        <translation>标签：{rule}</translation>
    </message>
</context>
<context>
    <name>TrainingStatusBar</name>
    <message>
        <source>Loss of the last mini-batch, before its update</source>
        <translation>上一批数据的损失（更新之前）</translation>
    </message>
    <message>
        <source>Learning rate of the next update</source>
        <translation>下一次更新的学习率</translation>
    </message>
    <message>
        <source>Training speed over the last second</source>
        <translation>最近一秒的训练速度</translation>
    </message>
    <message>
        <source>Share of the points classified right, at the last logged step (of the held-out points too, with a test split)</source>
        <translation>上一个记录轮次中分类正确的点所占的比例（有测试集时也给出留出点的比例）</translation>
    </message>
    <message>
        <source>Accuracy {train}</source>
        <translation>准确率 {train}</translation>
    </message>
    <message>
        <source> · test {test}</source>
        <translation> · 测试 {test}</translation>
    </message>
    <message>
        <source>Step {step} / {target}</source>
        <translation>第 {step} / {target} 轮</translation>
    </message>
    <message>
        <source>Loss {loss}</source>
        <translation>损失 {loss}</translation>
    </message>
    <message>
        <source>lr {lr}</source>
        <translation>学习率 {lr}</translation>
    </message>
    <message>
        <source>{rate} steps/s</source>
        <translation>{rate} 轮/秒</translation>
    </message>
</context>
<context>
    <name>Workspaces</name>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Controls, boundary, loss, fit and weights (Ctrl+1)</source>
        <translation>控制面板、决策边界、损失、拟合和权重 (Ctrl+1)</translation>
    </message>
    <message>
        <source>&amp;Inspect</source>
        <translation>检查(&amp;I)</translation>
    </message>
    <message>
        <source>Step inspector, network, gradients, samples, code, gradient check (Ctrl+2)</source>
        <translation>单步检查、网络、梯度、样本、代码、梯度检验 (Ctrl+2)</translation>
    </message>
    <message>
        <source>Reset &amp;layout</source>
        <translation>重置布局(&amp;L)</translation>
    </message>
    <message>
        <source>This workspace&apos;s docks as they first were</source>
        <translation>把本工作区的停靠窗口恢复为最初的样子</translation>
    </message>
    <message>
        <source>&amp;Workspace</source>
        <translation>工作区(&amp;W)</translation>
    </message>
    <message>
        <source>Workspaces</source>
        <translation>工作区</translation>
    </message>
</context>
<context>
    <name>_BackwardPage</name>
    <message>
        <source>&lt;b&gt;∂L/∂y&lt;/b&gt;: for L = mean((y − y_)²) over {n} samples, ∂L/∂y = 2·(y − y_)/{n} per sample. This error signal is where backpropagation starts.</source>
        <translation>&lt;b&gt;∂L/∂y&lt;/b&gt;：对 {n} 个样本的 L = mean((y − y_)²)，每个样本 ∂L/∂y = 2·(y − y_)/{n}。反向传播就从这个误差信号开始。</translation>
    </message>
    <message>
        <source>&lt;b&gt;∂L/∂y&lt;/b&gt;: for the summed cost / profit loss, ∂L/∂y = COST = {cost} for a sample predicted too high (y &gt; y_) and −PROFIT = −{profit} otherwise; no division, the loss is a sum. This error signal is where backpropagation starts.</source>
        <translation>&lt;b&gt;∂L/∂y&lt;/b&gt;：对求和的成本 / 利润损失，预测偏高（y &gt; y_）的样本 ∂L/∂y = COST = {cost}，否则为 −PROFIT = −{profit}；不做除法，损失是一个和。反向传播就从这个误差信号开始。</translation>
    </message>
    <message>
        <source>&lt;b&gt;∂L/∂y&lt;/b&gt;: for the mean softmax cross-entropy over {n} samples, ∂L/∂y = (softmax(y) − y_)/{n}, one column per class (y_ is 1 for the sample&apos;s class, 0 elsewhere). This error signal is where backpropagation starts.</source>
        <translation>&lt;b&gt;∂L/∂y&lt;/b&gt;：对 {n} 个样本平均的 softmax 交叉熵，∂L/∂y = (softmax(y) − y_)/{n}，每个类别一列（y_ 在样本所属类别处为 1，其余为 0）。反向传播就从这个误差信号开始。</translation>
    </message>
    <message>
        <source>&lt;b&gt;∂L/∂y&lt;/b&gt;: for the mean sigmoid cross-entropy over {n} samples, ∂L/∂y = (sigmoid(y) − y_)/{n} per sample. This error signal is where backpropagation starts.</source>
        <translation>&lt;b&gt;∂L/∂y&lt;/b&gt;：对 {n} 个样本的平均 sigmoid 交叉熵，每个样本 ∂L/∂y = (sigmoid(y) − y_)/{n}。反向传播就从这个误差信号开始。</translation>
    </message>
    <message>
        <source>&lt;b&gt;∂L/∂{a}&lt;/b&gt; comes down from layer {up}: each neuron of this layer fed every neuron above through w{up}, so its gradient is ∂L/∂z{up} · w{up}ᵀ.</source>
        <translation>&lt;b&gt;∂L/∂{a}&lt;/b&gt; 从第 {up} 层传下来：这一层的每个神经元都通过 w{up} 连到上一层的每个神经元，所以它的梯度是 ∂L/∂z{up} · w{up}ᵀ。</translation>
    </message>
    <message>
        <source>∂L/∂z{up} (from layer {up})</source>
        <translation>∂L/∂z{up}（来自第 {up} 层）</translation>
    </message>
    <message>
        <source>&lt;b&gt;∂L/∂z{k}&lt;/b&gt;: this layer is linear ({a} = z{k} = {inp}·w{k}{bias}), so ∂L/∂z{k} = ∂L/∂{a}.</source>
        <translation>&lt;b&gt;∂L/∂z{k}&lt;/b&gt;：这一层是线性的（{a} = z{k} = {inp}·w{k}{bias}），所以 ∂L/∂z{k} = ∂L/∂{a}。</translation>
    </message>
    <message>
        <source>&lt;b&gt;∂L/∂z{k}&lt;/b&gt;: {a} = {act}(z{k}), so ∂L/∂z{k} = ∂L/∂{a} ⊙ {act}′(z{k}), entry by entry, with {act}′ = {d}.</source>
        <translation>&lt;b&gt;∂L/∂z{k}&lt;/b&gt;：{a} = {act}(z{k})，所以逐元素 ∂L/∂z{k} = ∂L/∂{a} ⊙ {act}′(z{k})，其中 {act}′ = {d}。</translation>
    </message>
    <message>
        <source> The run is regularised, so the trainer also adds {terms} to ∂L/∂w{k}.</source>
        <translation> 本次运行有正则化，所以训练器还要把 {terms} 加到 ∂L/∂w{k} 上。</translation>
    </message>
    <message>
        <source>&lt;b&gt;∂L/∂w{k} = {inp}ᵀ · ∂L/∂z{k}&lt;/b&gt;: entry [i, j] multiplies input {inp}[i] by the gradient of neuron j, summed over the batch&apos;s {n} samples — every sample adds its share.{reg}</source>
        <translation>&lt;b&gt;∂L/∂w{k} = {inp}ᵀ · ∂L/∂z{k}&lt;/b&gt;：元素 [i, j] 是输入 {inp}[i] 乘以神经元 j 的梯度，再对这批的 {n} 个样本求和 —— 每个样本贡献自己的一份。{reg}</translation>
    </message>
    <message>
        <source>&lt;b&gt;∂L/∂b{k}&lt;/b&gt; = ∂L/∂z{k} summed over the samples (each bias is added to every sample).</source>
        <translation>&lt;b&gt;∂L/∂b{k}&lt;/b&gt; = ∂L/∂z{k} 对样本求和（每个偏置都加到了每个样本上）。</translation>
    </message>
    <message>
        <source>&lt;i&gt;Next:&lt;/i&gt; ∂L/∂{prev} = ∂L/∂z{k} · w{k}ᵀ is passed down to layer {down}.</source>
        <translation>&lt;i&gt;下一步：&lt;/i&gt;∂L/∂{prev} = ∂L/∂z{k} · w{k}ᵀ 传给第 {down} 层。</translation>
    </message>
    <message>
        <source>&lt;i&gt;Done:&lt;/i&gt; layer 1 is the first layer. Its input x is data, not a parameter, so the gradient stops here. TensorFlow&apos;s &lt;tt&gt;minimize(loss)&lt;/tt&gt; did all of this for you.</source>
        <translation>&lt;i&gt;完成：&lt;/i&gt;第 1 层是第一层。它的输入 x 是数据而不是参数，所以梯度到此为止。TensorFlow 的 &lt;tt&gt;minimize(loss)&lt;/tt&gt; 替你做了这一切。</translation>
    </message>
</context>
<context>
    <name>_ForwardPage</name>
    <message>
        <source>output layer</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>hidden layer</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>linear: no activation, so {out} = z{k}</source>
        <translation>线性：没有激活函数，所以 {out} = z{k}</translation>
    </message>
    <message>
        <source>activation {act} applied to each entry</source>
        <translation>对每个元素施加激活函数 {act}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Layer {k} of {n}&lt;/b&gt; ({role}): &lt;b&gt;{rule}&lt;/b&gt; &amp;nbsp;—&amp;nbsp; {note}. One row per sample of the batch, one column per neuron.</source>
        <translation>&lt;b&gt;第 {k} 层，共 {n} 层&lt;/b&gt;（{role}）：&lt;b&gt;{rule}&lt;/b&gt; &amp;nbsp;——&amp;nbsp; {note}。本批每个样本一行，每个神经元一列。</translation>
    </message>
    <message>
        <source>{sym} (input)</source>
        <translation>{sym}（输入）</translation>
    </message>
    <message>
        <source>{sym} (from layer {k})</source>
        <translation>{sym}（来自第 {k} 层）</translation>
    </message>
    <message>
        <source>w{k} (weights)</source>
        <translation>w{k}（权重）</translation>
    </message>
    <message>
        <source>b{k} (bias)</source>
        <translation>b{k}（偏置）</translation>
    </message>
</context>
<context>
    <name>_LossPage</name>
    <message>
        <source>&lt;b&gt;Mean squared error&lt;/b&gt;, as in the tutorial: &lt;tt&gt;loss = tf.reduce_mean(tf.square(y - y_))&lt;/tt&gt;. Each sample&apos;s error y − y_ is squared, then the {n} squares are averaged.</source>
        <translation>&lt;b&gt;均方误差&lt;/b&gt;，与教程相同：&lt;tt&gt;loss = tf.reduce_mean(tf.square(y - y_))&lt;/tt&gt;。每个样本的误差 y − y_ 先平方，再对 {n} 个平方求平均。</translation>
    </message>
    <message>
        <source>y (prediction)</source>
        <translation>y（预测值）</translation>
    </message>
    <message>
        <source>y_ (label)</source>
        <translation>y_（标签）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sigmoid cross-entropy&lt;/b&gt; on the output y (a logit): each sample&apos;s loss is max(y, 0) − y·y_ + log(1 + e&lt;sup&gt;−|y|&lt;/sup&gt;), then the {n} losses are averaged.</source>
        <translation>输出 y（logit）上的 &lt;b&gt;sigmoid 交叉熵&lt;/b&gt;：每个样本的损失是 max(y, 0) − y·y_ + log(1 + e&lt;sup&gt;−|y|&lt;/sup&gt;)，再对 {n} 个损失求平均。</translation>
    </message>
    <message>
        <source>y (logit)</source>
        <translation>y（logit）</translation>
    </message>
    <message>
        <source>loss term</source>
        <translation>损失项</translation>
    </message>
    <message>
        <source>y_ (target)</source>
        <translation>y_（目标值）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cost / profit&lt;/b&gt;, the course&apos;s sales loss: &lt;tt&gt;loss = tf.reduce_sum(tf.where(tf.greater(y, y_), COST*(y - y_), PROFIT*(y_ - y)))&lt;/tt&gt; with COST = {cost}, PROFIT = {profit}. Predicting too much costs COST per unit, too little loses PROFIT per unit; the {n} terms are summed, not averaged.</source>
        <translation>&lt;b&gt;成本 / 利润&lt;/b&gt;，课程中销量例子的损失函数：&lt;tt&gt;loss = tf.reduce_sum(tf.where(tf.greater(y, y_), COST*(y - y_), PROFIT*(y_ - y)))&lt;/tt&gt;，其中 COST = {cost}，PROFIT = {profit}。预测多了每单位损失 COST，预测少了每单位损失 PROFIT；{n} 项是求和，不是求平均。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Softmax cross-entropy&lt;/b&gt; over {k} classes: each sample&apos;s {k} outputs y are logits, softmax turns them into probabilities, and the sample&apos;s loss is −log of the probability of its own class (&lt;tt&gt;tf.nn.softmax_cross_entropy_with_logits_v2&lt;/tt&gt;). The {n} losses are averaged.</source>
        <translation>&lt;b&gt;Softmax 交叉熵&lt;/b&gt;，共 {k} 个类别：每个样本的 {k} 个输出 y 是 logit，softmax 把它们变成概率，样本的损失是它所属类别概率的 −log（&lt;tt&gt;tf.nn.softmax_cross_entropy_with_logits_v2&lt;/tt&gt;）。{n} 个损失求平均。</translation>
    </message>
    <message>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>one row per sample of the batch</source>
        <translation>本批每个样本一行</translation>
    </message>
    <message>
        <source>loss = sum of {term} over the {n} samples</source>
        <translation>loss = {n} 个样本的 {term} 之和</translation>
    </message>
    <message>
        <source>loss = mean of {term} over the {n} samples</source>
        <translation>loss = {n} 个样本的 {term} 的平均值</translation>
    </message>
    <message>
        <source>+ regularisation (L1/L2 of the weights, before this update) = {reg}</source>
        <translation>+ 正则化（权重的 L1/L2，本次更新之前）= {reg}</translation>
    </message>
    <message>
        <source>batch loss = {loss}</source>
        <translation>本批损失 = {loss}</translation>
    </message>
    <message>
        <source>(the trainer recorded {loss} for this update)</source>
        <translation>（训练器为这次更新记录的是 {loss}）</translation>
    </message>
</context>
<context>
    <name>_UpdatePage</name>
    <message>
        <source>{slot}′ (after)</source>
        <translation>{slot}′（之后）</translation>
    </message>
    <message>
        <source>{name} before</source>
        <translation>{name} 之前</translation>
    </message>
    <message>
        <source>{name} after</source>
        <translation>{name} 之后</translation>
    </message>
    <message>
        <source>Δ{name} = after − before</source>
        <translation>Δ{name} = 之后 − 之前</translation>
    </message>
    <message>
        <source>This is one &lt;tt&gt;sess.run(train_step, …)&lt;/tt&gt; of the tutorial. &lt;i&gt;Click any cell to follow that weight&apos;s arithmetic.&lt;/i&gt;</source>
        <translation>这就是教程中的一次 &lt;tt&gt;sess.run(train_step, …)&lt;/tt&gt;。&lt;i&gt;点击任一单元格，可追踪该权重的计算过程。&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示此帮助信息并退出</translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation>显示程序版本号并退出</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>缺少以下参数：%s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>需要一个参数</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选择：%(value)r（可选 %(choices)s）</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>{prog}: error: {message}</source>
        <translation>{prog}：错误：{message}</translation>
    </message>
    <message>
        <source>expected a comma-separated list of layer widths such as 3 or 8,8, got {text}</source>
        <translation>应为用逗号分隔的各层宽度，例如 3 或 8,8，实际为 {text}</translation>
    </message>
    <message>
        <source>expected WIDTHxHEIGHT in pixels such as 1200x800, got {text}</source>
        <translation>应为以像素计的 宽x高，例如 1200x800，实际为 {text}</translation>
    </message>
    <message>
        <source>width and height must be between 1 and {high}, got {text}</source>
        <translation>宽和高必须在 1 到 {high} 之间，实际为 {text}</translation>
    </message>
    <message>
        <source>expected a number, got {text}</source>
        <translation>应为一个数，实际为 {text}</translation>
    </message>
    <message>
        <source>See and drive backpropagation. With no command, opens the desktop app.</source>
        <translation>看见并操控反向传播。不带命令时打开桌面程序。</translation>
    </message>
    <message>
        <source>language of the interface and messages (default: the system&apos;s)</source>
        <translation>界面和消息的语言（默认：系统语言）</translation>
    </message>
    <message>
        <source>train headless and print what the tutorial prints</source>
        <translation>无界面训练，并打印教程所打印的内容</translation>
    </message>
    <message>
        <source>Train headless and print what the tutorial prints.</source>
        <translation>无界面训练，并打印教程所打印的内容。</translation>
    </message>
    <message>
        <source>run configuration (JSON); options override it</source>
        <translation>运行配置（JSON）；命令行选项优先</translation>
    </message>
    <message>
        <source>one JSON object per line instead of text</source>
        <translation>每行输出一个 JSON 对象，而不是文本</translation>
    </message>
    <message>
        <source>with --json: the weights in every log event</source>
        <translation>与 --json 一起用：每个日志事件都带上权重</translation>
    </message>
    <message>
        <source>write the output to FILE instead of stdout</source>
        <translation>把输出写入 FILE，而不是标准输出</translation>
    </message>
    <message>
        <source>exports and sessions</source>
        <translation>导出与会话</translation>
    </message>
    <message>
        <source>Written when the run ends, each atomically (a failed write leaves an existing file as it was).</source>
        <translation>在运行结束时写入，每个文件都原子写入（写入失败时已有文件保持原样）。</translation>
    </message>
    <message>
        <source>the loss as a figure (.png, .svg) or a table (.csv: step, batch loss, loss on all data where logged, learning rate); repeatable</source>
        <translation>把损失导出为图（.png、.svg）或表格（.csv：轮数、本批损失、打印时全部数据上的损失、学习率）；可重复</translation>
    </message>
    <message>
        <source>size of --export-loss pictures in pixels ({w}x{h})</source>
        <translation>--export-loss 图片的尺寸，以像素计（{w}x{h}）</translation>
    </message>
    <message>
        <source>smooth the batch loss of --export-loss pictures as TensorBoard does (debiased moving average, 0 … 0.999; the raw curve stays faint behind); tables keep raw values</source>
        <translation>像 TensorBoard 一样平滑 --export-loss 图中的本批损失（偏差修正的滑动平均，0 … 0.999；原始曲线以浅色留在后面）；表格保留原始值</translation>
    </message>
    <message>
        <source>weights (now, initial, at checkpoints, EMA) and every step&apos;s loss and learning rate, as .npz or .json; repeatable</source>
        <translation>权重（当前、初始、各检查点、滑动平均）以及每一轮的损失和学习率，导出为 .npz 或 .json；可重复</translation>
    </message>
    <message>
        <source>a Python script that reproduces this run with NumPy alone and prints the same</source>
        <translation>只用 NumPy 复现本次运行并打印相同内容的 Python 脚本</translation>
    </message>
    <message>
        <source>this run as TensorFlow 1 code, written as the tutorial writes it</source>
        <translation>把本次运行写成 TensorFlow 1 代码，写法与教程相同</translation>
    </message>
    <message>
        <source>save the run (.npz) to continue it with --session</source>
        <translation>保存本次运行（.npz），以便用 --session 继续</translation>
    </message>
    <message>
        <source>continue a saved run up to step --steps; its settings are the session&apos;s (only --steps, --log-every, --json, -o and the export options apply)</source>
        <translation>把保存的运行继续到第 --steps 轮；设置沿用会话中的（只有 --steps、--log-every、--json、-o 和导出选项有效）</translation>
    </message>
    <message>
        <source>open the desktop app (the default)</source>
        <translation>打开桌面程序（默认）</translation>
    </message>
    <message>
        <source>bpviz train: error: {message}</source>
        <translation>bpviz train：错误：{message}</translation>
    </message>
    <message>
        <source>{option}: {path}: unknown format (use {formats})</source>
        <translation>{option}：{path}：未知格式（请用 {formats}）</translation>
    </message>
    <message>
        <source>--config: not allowed with --session (a session keeps its own settings)</source>
        <translation>--config：不能与 --session 同时使用（会话保留自己的设置）</translation>
    </message>
    <message>
        <source>{flag}: not allowed with --session (a session keeps its own settings; only --steps and --log-every apply)</source>
        <translation>{flag}：不能与 --session 同时使用（会话保留自己的设置；只有 --steps 和 --log-every 有效）</translation>
    </message>
    <message>
        <source>train several runs side by side and compare them</source>
        <translation>并排训练多次运行并加以比较</translation>
    </message>
    <message>
        <source>Train several runs together with identical initial weights and batches; only the listed settings differ. List options take comma-separated values (--hidden: &apos;;&apos; between lists of layers, e.g. &quot;3;8,8&quot;); the runs are their cross product.</source>
        <translation>用相同的初始权重和批量同时训练多次运行，只有列出的设置不同。列表选项取逗号分隔的值（--hidden：各层列表之间用 &apos;;&apos;，例如 &quot;3;8,8&quot;）；所有运行是这些值的笛卡尔积。</translation>
    </message>
    <message>
        <source>N learning rates evenly spaced in log scale from LO to HI, both included</source>
        <translation>从 LO 到 HI 按对数均匀分布的 N 个学习率，两端都包括</translation>
    </message>
    <message>
        <source>run configuration (JSON) all runs start from</source>
        <translation>所有运行共同的起始配置（JSON）</translation>
    </message>
    <message>
        <source>one JSON object per line instead of a table</source>
        <translation>每行一个 JSON 对象，而不是表格</translation>
    </message>
    <message>
        <source>with --json: every run&apos;s weights in each log</source>
        <translation>与 --json 一起：每次日志都包含每次运行的权重</translation>
    </message>
    <message>
        <source>every run&apos;s loss overlaid (.png, .svg) or as a table (.csv: one column per run); repeatable</source>
        <translation>所有运行的损失叠加成图（.png、.svg）或表格（.csv：每次运行一列）；可重复</translation>
    </message>
    <message>
        <source>final and best loss against the varied setting (.png, .svg, .csv); repeatable</source>
        <translation>最终损失和最佳损失随所变设置的变化（.png、.svg、.csv）；可重复</translation>
    </message>
    <message>
        <source>smooth each run&apos;s batch loss in --export-loss pictures as TensorBoard does (0 … 0.999); tables keep raw values</source>
        <translation>像 TensorBoard 那样平滑 --export-loss 图中每次运行的批量损失（0 … 0.999）；表格保留原始值</translation>
    </message>
    <message>
        <source>size of the pictures in pixels</source>
        <translation>图片尺寸（像素）</translation>
    </message>
    <message>
        <source> — a &apos;;&apos;-separated list</source>
        <translation> —— 用 &apos;;&apos; 分隔的列表</translation>
    </message>
    <message>
        <source> — a comma-separated list</source>
        <translation> —— 用逗号分隔的列表</translation>
    </message>
</context>
<context>
    <name>datasets</name>
    <message>
        <source>(x0 + x1) / 10</source>
        <translation>(x0 + x1) / 10</translation>
    </message>
    <message>
        <source>1 for the cloud around (2, 2), 0 for the cloud around (−2, −2)</source>
        <translation>围绕 (2, 2) 的一团为 1，围绕 (−2, −2) 的一团为 0</translation>
    </message>
    <message>
        <source>1 if x0 + x1 &lt; 1, else 0</source>
        <translation>x0 + x1 &lt; 1 时为 1，否则为 0</translation>
    </message>
    <message>
        <source>1 if x0² + x1² &lt; 2, else 0</source>
        <translation>x0² + x1² &lt; 2 时为 1，否则为 0</translation>
    </message>
    <message>
        <source>1 if x0·x1 ≥ 0 (same signs), else 0</source>
        <translation>x0·x1 ≥ 0（同号）时为 1，否则为 0</translation>
    </message>
    <message>
        <source>1 on one arm of the spiral, 0 on the other</source>
        <translation>螺旋的一条臂上为 1，另一条臂上为 0</translation>
    </message>
    <message>
        <source>the 120° sector of the point&apos;s angle: 0, 1 or 2</source>
        <translation>点的角度所在的 120° 扇区：0、1 或 2</translation>
    </message>
    <message>
        <source>the day&apos;s sales: x0 + x1, give or take 0.05</source>
        <translation>当天的销量：x0 + x1，上下浮动 0.05</translation>
    </message>
    <message>
        <source>the label column of your file</source>
        <translation>你的文件中的标签列</translation>
    </message>
    <message>
        <source>the strongest of six Gaussian bumps (+1 or −1) at the point</source>
        <translation>该点处六个高斯峰（+1 或 −1）中最强的一个</translation>
    </message>
    <message>
        <source>−1, so that the loss is (w + 1)²</source>
        <translation>−1，于是损失为 (w + 1)²</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>Enter a number, e.g. {example}</source>
        <translation>请输入一个数，例如 {example}</translation>
    </message>
    <message>
        <source>“{text}” is not a number; write e.g. {example} or 1e-5</source>
        <translation>“{text}”不是数；请写成例如 {example} 或 1e-5</translation>
    </message>
    <message>
        <source>Must be a finite number</source>
        <translation>必须是有限的数</translation>
    </message>
    <message>
        <source>Must be greater than {low}</source>
        <translation>必须大于 {low}</translation>
    </message>
    <message>
        <source>Must be at least {low}</source>
        <translation>必须至少为 {low}</translation>
    </message>
    <message>
        <source>Must be less than {high}</source>
        <translation>必须小于 {high}</translation>
    </message>
    <message>
        <source>Must be at most {high}</source>
        <translation>必须至多为 {high}</translation>
    </message>
    <message>
        <source>Enter a whole number</source>
        <translation>请输入整数</translation>
    </message>
    <message>
        <source>“{text}” is not a whole number</source>
        <translation>“{text}”不是整数</translation>
    </message>
    <message>
        <source>Must be between {low} and {high}</source>
        <translation>必须在 {low} 和 {high} 之间</translation>
    </message>
    <message>
        <source>Write layer widths separated by commas, e.g. 3 or 8, 8</source>
        <translation>写出各层宽度，用逗号分隔，例如 3 或 8, 8</translation>
    </message>
    <message>
        <source>At most {n} hidden layers</source>
        <translation>最多 {n} 个隐藏层</translation>
    </message>
    <message>
        <source>Each layer needs 1 to {n} neurons</source>
        <translation>每层需要 1 到 {n} 个神经元</translation>
    </message>
    <message>
        <source>Keep at least one input checked: the network needs one</source>
        <translation>请至少勾选一个输入：网络需要输入</translation>
    </message>
</context>
<context>
    <name>optimizers</name>
    <message>
        <source>&lt;b&gt;Adagrad&apos;s accumulator&lt;/b&gt;: the sum of all squared gradients, acc′ = acc + g²; w ← w − lr·g/√acc′.</source>
        <translation>&lt;b&gt;Adagrad 的累积量&lt;/b&gt;：所有梯度平方之和，acc′ = acc + g²；w ← w − lr·g/√acc′。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Adam&apos;s m&lt;/b&gt;: mean of the gradients, m′ = m + (g − m)(1 − β1).</source>
        <translation>&lt;b&gt;Adam 的 m&lt;/b&gt;：梯度的平均，m′ = m + (g − m)(1 − β1)。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Adam&apos;s v&lt;/b&gt;: mean of the squared gradients, v′ = v + (g² − v)(1 − β2).</source>
        <translation>&lt;b&gt;Adam 的 v&lt;/b&gt;：梯度平方的平均，v′ = v + (g² − v)(1 − β2)。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Momentum&apos;s accumulator&lt;/b&gt; acc′ = m·acc + g; then w ← w − lr·acc′.</source>
        <translation>&lt;b&gt;动量的累积量&lt;/b&gt; acc′ = m·acc + g；然后 w ← w − lr·acc′。</translation>
    </message>
    <message>
        <source>&lt;b&gt;RMSProp&apos;s mg&lt;/b&gt; (centered): mean of the gradients, mg′ = mg + (g − mg)(1 − ρ).</source>
        <translation>&lt;b&gt;RMSProp 的 mg&lt;/b&gt;（centered）：梯度的平均，mg′ = mg + (g − mg)(1 − ρ)。</translation>
    </message>
    <message>
        <source>&lt;b&gt;RMSProp&apos;s mom&lt;/b&gt;: the step taken, mom′ = μ·mom + lr·g/√(ms′ + ε); w ← w − mom′.</source>
        <translation>&lt;b&gt;RMSProp 的 mom&lt;/b&gt;：实际走的步长，mom′ = μ·mom + lr·g/√(ms′ + ε)；w ← w − mom′。</translation>
    </message>
    <message>
        <source>&lt;b&gt;RMSProp&apos;s ms&lt;/b&gt;: mean of the squared gradients, ms′ = ms + (g² − ms)(1 − ρ); it starts at 1, as in TF1.</source>
        <translation>&lt;b&gt;RMSProp 的 ms&lt;/b&gt;：梯度平方的平均，ms′ = ms + (g² − ms)(1 − ρ)；与 TF1 一样从 1 开始。</translation>
    </message>
    <message>
        <source>Adagrad</source>
        <translation>Adagrad</translation>
    </message>
    <message>
        <source>Adagrad accumulator</source>
        <translation>Adagrad 累积量</translation>
    </message>
    <message>
        <source>Adagrad: &lt;b&gt;acc′ = acc + g²&lt;/b&gt;, then &lt;b&gt;w ← w − lr·g/√acc′&lt;/b&gt; with lr = {lr}: a weight that has had large gradients takes ever smaller steps.</source>
        <translation>Adagrad：&lt;b&gt;acc′ = acc + g²&lt;/b&gt;，然后 &lt;b&gt;w ← w − lr·g/√acc′&lt;/b&gt;，其中 lr = {lr}：梯度一直很大的权重，步子越迈越小。</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>Adam m</source>
        <translation>Adam m</translation>
    </message>
    <message>
        <source>Adam v</source>
        <translation>Adam v</translation>
    </message>
    <message>
        <source>Adam: &lt;b&gt;m′ = m + (g − m)(1 − β1)&lt;/b&gt;, &lt;b&gt;v′ = v + (g² − v)(1 − β2)&lt;/b&gt;, &lt;b&gt;w ← w − lr_t·m′/(√v′ + ε)&lt;/b&gt;: each weight gets its own step size.</source>
        <translation>Adam：&lt;b&gt;m′ = m + (g − m)(1 − β1)&lt;/b&gt;，&lt;b&gt;v′ = v + (g² − v)(1 − β2)&lt;/b&gt;，&lt;b&gt;w ← w − lr_t·m′/(√v′ + ε)&lt;/b&gt;：每个权重有自己的步长。</translation>
    </message>
    <message>
        <source>Gradient descent: &lt;b&gt;w ← w − lr · ∂L/∂w&lt;/b&gt; with lr = {lr}: every weight takes a small step against its gradient.</source>
        <translation>梯度下降：&lt;b&gt;w ← w − lr · ∂L/∂w&lt;/b&gt;，其中 lr = {lr}：每个权重沿梯度的反方向走一小步。</translation>
    </message>
    <message>
        <source>Momentum (Nesterov): &lt;b&gt;acc′ = m·acc + g&lt;/b&gt;, then &lt;b&gt;w ← w − (lr·g + lr·m·acc′)&lt;/b&gt; with lr = {lr}, m = {m}.</source>
        <translation>动量（Nesterov）：&lt;b&gt;acc′ = m·acc + g&lt;/b&gt;，然后 &lt;b&gt;w ← w − (lr·g + lr·m·acc′)&lt;/b&gt;，其中 lr = {lr}，m = {m}。</translation>
    </message>
    <message>
        <source>Momentum: &lt;b&gt;acc′ = m·acc + g&lt;/b&gt;, then &lt;b&gt;w ← w − lr·acc′&lt;/b&gt; with lr = {lr}, m = {m}: the accumulator remembers earlier gradients, so steps grow along a steady direction.</source>
        <translation>动量：&lt;b&gt;acc′ = m·acc + g&lt;/b&gt;，然后 &lt;b&gt;w ← w − lr·acc′&lt;/b&gt;，其中 lr = {lr}，m = {m}：累积量记住了之前的梯度，所以沿稳定方向的步子越来越大。</translation>
    </message>
    <message>
        <source>RMSProp</source>
        <translation>RMSProp</translation>
    </message>
    <message>
        <source>RMSProp (centered): &lt;b&gt;ms′ = ms + (g² − ms)(1 − ρ)&lt;/b&gt;, &lt;b&gt;mg′ = mg + (g − mg)(1 − ρ)&lt;/b&gt;, &lt;b&gt;mom′ = μ·mom + lr·g/√(ms′ − mg′² + ε)&lt;/b&gt;, &lt;b&gt;w ← w − mom′&lt;/b&gt; with lr = {lr}, ρ = {rho}, μ = {mu}, ε = {eps}: the step is divided by the gradient&apos;s recent spread.</source>
        <translation>RMSProp（centered）：&lt;b&gt;ms′ = ms + (g² − ms)(1 − ρ)&lt;/b&gt;，&lt;b&gt;mg′ = mg + (g − mg)(1 − ρ)&lt;/b&gt;，&lt;b&gt;mom′ = μ·mom + lr·g/√(ms′ − mg′² + ε)&lt;/b&gt;，&lt;b&gt;w ← w − mom′&lt;/b&gt;，其中 lr = {lr}，ρ = {rho}，μ = {mu}，ε = {eps}：步长除以梯度近期的离散程度。</translation>
    </message>
    <message>
        <source>RMSProp mg</source>
        <translation>RMSProp mg</translation>
    </message>
    <message>
        <source>RMSProp mom</source>
        <translation>RMSProp mom</translation>
    </message>
    <message>
        <source>RMSProp ms</source>
        <translation>RMSProp ms</translation>
    </message>
    <message>
        <source>RMSProp: &lt;b&gt;ms′ = ms + (g² − ms)(1 − ρ)&lt;/b&gt;, &lt;b&gt;mom′ = μ·mom + lr·g/√(ms′ + ε)&lt;/b&gt;, &lt;b&gt;w ← w − mom′&lt;/b&gt; with lr = {lr}, ρ = {rho}, μ = {mu}, ε = {eps}: each weight&apos;s step is divided by the root of its recent squared gradients.</source>
        <translation>RMSProp：&lt;b&gt;ms′ = ms + (g² − ms)(1 − ρ)&lt;/b&gt;，&lt;b&gt;mom′ = μ·mom + lr·g/√(ms′ + ε)&lt;/b&gt;，&lt;b&gt;w ← w − mom′&lt;/b&gt;，其中 lr = {lr}，ρ = {rho}，μ = {mu}，ε = {eps}：每个权重的步长除以其近期梯度平方的平方根。</translation>
    </message>
    <message>
        <source>accumulator</source>
        <translation>累积量</translation>
    </message>
    <message>
        <source>gradient descent</source>
        <translation>梯度下降</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>动量</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>A CSV file of your own points: a header x0,x1,label (classes 0, 1, ...) or x0,x1,y (numbers), then one point per line; the points are kept in the configuration and in sessions</source>
        <translation>你自己的数据点的 CSV 文件：表头为 x0,x1,label（类别 0, 1, ...）或 x0,x1,y（数值），然后每行一个点；这些点保存在配置和会话中</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Adagrad</source>
        <translation>Adagrad</translation>
    </message>
    <message>
        <source>Adagrad&apos;s starting sum of squared gradients</source>
        <translation>Adagrad 梯度平方和的初始值</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>Adam&apos;s decay of the mean gradient</source>
        <translation>Adam 梯度均值的衰减率</translation>
    </message>
    <message>
        <source>Adam&apos;s decay of the mean squared gradient</source>
        <translation>Adam 梯度平方均值的衰减率</translation>
    </message>
    <message>
        <source>Adam&apos;s epsilon; RMSProp&apos;s (added inside the square root)</source>
        <translation>Adam 的 epsilon；RMSProp 的 epsilon（加在平方根内）</translation>
    </message>
    <message>
        <source>Add a bias vector to every layer (starting at zero)</source>
        <translation>给每一层加一个偏置向量（从零开始）</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批量 (BATCH_SIZE)</translation>
    </message>
    <message>
        <source>Biases</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>Centered</source>
        <translation>Centered（中心化）</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Cost / profit</source>
        <translation>成本 / 利润</translation>
    </message>
    <message>
        <source>Data seed</source>
        <translation>数据种子</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Decay in whole periods instead of smoothly</source>
        <translation>按整个周期阶梯式衰减，而不是平滑衰减</translation>
    </message>
    <message>
        <source>Decay rate</source>
        <translation>衰减率</translation>
    </message>
    <message>
        <source>Decay steps</source>
        <translation>衰减步数</translation>
    </message>
    <message>
        <source>Decay the learning rate</source>
        <translation>学习率衰减</translation>
    </message>
    <message>
        <source>Decay ρ</source>
        <translation>衰减 ρ</translation>
    </message>
    <message>
        <source>Exponential decay of the learning rate: factor per decay period, in (0, 1]</source>
        <translation>学习率指数衰减：每个衰减周期的乘数，取值在 (0, 1]</translation>
    </message>
    <message>
        <source>Exponential moving average of the weights</source>
        <translation>权重的滑动平均（指数滑动平均）</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>Function applied after each hidden layer; the tutorial has none (linear)</source>
        <translation>每个隐藏层之后施加的函数；教程中没有（线性）</translation>
    </message>
    <message>
        <source>Gradient descent</source>
        <translation>梯度下降</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>Init seed</source>
        <translation>初始化种子</translation>
    </message>
    <message>
        <source>Init stddev</source>
        <translation>初始化标准差</translation>
    </message>
    <message>
        <source>Init value</source>
        <translation>初始值</translation>
    </message>
    <message>
        <source>Initial accumulator</source>
        <translation>累积量初始值</translation>
    </message>
    <message>
        <source>L1 regularisation: scale × sum |w| is added to the loss</source>
        <translation>L1 正则化：把 scale × sum |w| 加到损失上</translation>
    </message>
    <message>
        <source>L1 scale</source>
        <translation>L1 系数</translation>
    </message>
    <message>
        <source>L2 regularisation (TF&apos;s l2_loss: scale × sum w² / 2)</source>
        <translation>L2 正则化（TF 的 l2_loss：scale × sum w² / 2）</translation>
    </message>
    <message>
        <source>L2 scale</source>
        <translation>L2 系数</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Length of a decay period in steps</source>
        <translation>一个衰减周期的轮数</translation>
    </message>
    <message>
        <source>Linear (none)</source>
        <translation>线性（无）</translation>
    </message>
    <message>
        <source>Log every</source>
        <translation>打印间隔</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>Mean squared error</source>
        <translation>均方误差</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>Momentum coefficient</source>
        <translation>动量系数</translation>
    </message>
    <message>
        <source>Moving average</source>
        <translation>滑动平均</translation>
    </message>
    <message>
        <source>Nesterov</source>
        <translation>Nesterov</translation>
    </message>
    <message>
        <source>Nesterov&apos;s accelerated gradient</source>
        <translation>Nesterov 加速梯度</translation>
    </message>
    <message>
        <source>Neurons per hidden layer, separated by commas: 3 is the tutorial&apos;s 2-3-1 network, 8,8 has two layers of 8; none: no hidden layer</source>
        <translation>每个隐藏层的神经元数，用逗号分隔：3 是教程的 2-3-1 网络，8,8 是两层各 8 个；none：没有隐藏层</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Number of training points (the dataset&apos;s default)</source>
        <translation>训练点的个数（数据集的默认值）</translation>
    </message>
    <message>
        <source>Op seed of tf.random_normal for the initial weights</source>
        <translation>初始权重所用 tf.random_normal 的 op 种子</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Parabola (w+1)²: one weight</source>
        <translation>抛物线 (w+1)²：一个权重</translation>
    </message>
    <message>
        <source>Plane (regression)</source>
        <translation>平面（回归）</translation>
    </message>
    <message>
        <source>Points per update; the tutorial takes 8 at a time, in order</source>
        <translation>每次更新喂入的点数；教程按顺序每次取 8 个</translation>
    </message>
    <message>
        <source>Profit</source>
        <translation>利润</translation>
    </message>
    <message>
        <source>RMSProp</source>
        <translation>RMSProp</translation>
    </message>
    <message>
        <source>RMSProp divides by the gradient&apos;s variance instead of its mean square</source>
        <translation>RMSProp 除以梯度的方差而不是均方</translation>
    </message>
    <message>
        <source>RMSProp&apos;s decay of the mean squared gradient</source>
        <translation>RMSProp 梯度平方均值的衰减率</translation>
    </message>
    <message>
        <source>Random jitter added to the points</source>
        <translation>加在数据点上的随机抖动</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>Sales: y ≈ x0 + x1 (regression)</source>
        <translation>销量：y ≈ x0 + x1（回归）</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Seed of the data generator; empty: the dataset&apos;s default</source>
        <translation>数据生成器的种子；留空：数据集的默认值</translation>
    </message>
    <message>
        <source>Share of the points held out to test on: the last ⌊share × n⌋ in the data set&apos;s order</source>
        <translation>留出来做测试的点所占的比例：按数据集顺序的最后 ⌊share × n⌋ 个点</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <source>Sigmoid cross-entropy</source>
        <translation>Sigmoid 交叉熵</translation>
    </message>
    <message>
        <source>Six Gaussians (regression)</source>
        <translation>六团高斯分布（回归）</translation>
    </message>
    <message>
        <source>Softmax cross-entropy</source>
        <translation>Softmax 交叉熵</translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <source>Staircase</source>
        <translation>阶梯式</translation>
    </message>
    <message>
        <source>Standard deviation of the initial weights</source>
        <translation>初始权重的标准差</translation>
    </message>
    <message>
        <source>Start every weight at this value instead of random normal values (the parabola&apos;s w starts at 5)</source>
        <translation>每个权重都从这个值开始，而不是随机正态值（抛物线的 w 从 5 开始）</translation>
    </message>
    <message>
        <source>Step size, e.g. 0.001 or 1e-5; a new value applies from the next step, without a reset</source>
        <translation>每次更新的幅度，例如 0.001 或 1e-5；新值从下一轮起生效，不重置</translation>
    </message>
    <message>
        <source>TF&apos;s exponential_decay: lr × rate^(step / decay steps)</source>
        <translation>TF 的 exponential_decay：lr × rate^(step / decay steps)</translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <source>Target steps</source>
        <translation>训练轮数</translation>
    </message>
    <message>
        <source>Test share</source>
        <translation>测试比例</translation>
    </message>
    <message>
        <source>The loss function; mean squared error is the tutorial&apos;s</source>
        <translation>损失函数；教程用的是均方误差</translation>
    </message>
    <message>
        <source>The loss on all data is computed (and printed, and marked on the plot) every this many steps</source>
        <translation>每隔这么多轮，计算（并打印、在图上标出）全部数据上的损失</translation>
    </message>
    <message>
        <source>The network&apos;s inputs, separated by commas, from x0, x1, x0^2, x1^2, x0*x1, sin(x0), sin(x1)</source>
        <translation>网络的输入，用逗号分隔，可选 x0, x1, x0^2, x1^2, x0*x1, sin(x0), sin(x1)</translation>
    </message>
    <message>
        <source>The training points; seed is the tutorial&apos;s 32 random points labelled x0 + x1 &lt; 1</source>
        <translation>训练数据点；seed 是教程中标签为 x0 + x1 &lt; 1 的 32 个随机点</translation>
    </message>
    <message>
        <source>The update rule; the tutorial uses plain gradient descent</source>
        <translation>参数更新规则；教程用的是普通梯度下降</translation>
    </message>
    <message>
        <source>Three sectors (3 classes)</source>
        <translation>三个扇区（3 个类别）</translation>
    </message>
    <message>
        <source>Training steps; where “Run to target” stops (0 only initialises)</source>
        <translation>训练轮数（STEPS）；“训练到目标”在此停止（0 表示只初始化）</translation>
    </message>
    <message>
        <source>Tutorial: x0 + x1 &lt; 1</source>
        <translation>教程：x0 + x1 &lt; 1</translation>
    </message>
    <message>
        <source>Two Gaussians</source>
        <translation>两团高斯分布</translation>
    </message>
    <message>
        <source>XOR</source>
        <translation>异或 (XOR)</translation>
    </message>
    <message>
        <source>Your data</source>
        <translation>你的数据</translation>
    </message>
    <message>
        <source>cost-profit: the profit lost on each unit predicted too little</source>
        <translation>cost-profit：每少预测一个单位损失的利润</translation>
    </message>
    <message>
        <source>cost-profit: what each unit predicted too much costs</source>
        <translation>cost-profit：每多预测一个单位的成本</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>sigmoid</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>β1</source>
        <translation>β1</translation>
    </message>
    <message>
        <source>β2</source>
        <translation>β2</translation>
    </message>
    <message>
        <source>ε</source>
        <translation>ε</translation>
    </message>
</context>
</TS>
