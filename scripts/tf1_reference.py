"""Reference numbers from real TensorFlow (tf.compat.v1, CPU), for bpviz's tests.

Dev-only: needs `pip install tensorflow-cpu` (tested with 2.21.0). Writes one JSON file per experiment into the
folder given as the first argument. Every run follows the tutorial's loop: for i in range(steps): train on rows
(i*B) % n … +B (cut at the end), and when i % log_every == 0 record the loss on ALL data after that update.
"""
import json
import sys
from pathlib import Path

import numpy as np
import tensorflow as tf

tf1 = tf.compat.v1
tf1.disable_eager_execution()
OUT = Path(sys.argv[1] if len(sys.argv) > 1 else ".")


def f32list(a):
    return np.asarray(a, np.float32).astype(float).tolist()


def tutorial_data():
    rng = np.random.RandomState(23455)
    X = rng.rand(32, 2)
    Y = [[int(x0 + x1 < 1)] for (x0, x1) in X]
    return X, np.array(Y, np.float64)


def run_network(make_opt, X, Y, steps, log_every, batch=8, shapes=((2, 3), (3, 1)), loss_kind="mse",
                cost=1.0, profit=9.0, activation=None, bias=False, n_classes=None):
    g = tf1.Graph()
    with g.as_default():
        x = tf1.placeholder(tf.float32, shape=(None, X.shape[1]))
        y_ = tf1.placeholder(tf.float32, shape=(None, Y.shape[1]))
        ws, bs = [], []
        a = x
        for k, shape in enumerate(shapes):
            w = tf1.Variable(tf1.random_normal(list(shape), stddev=1, seed=1))
            ws.append(w)
            a = tf.matmul(a, w)
            if bias:
                b = tf1.Variable(tf.zeros([shape[1]]))
                bs.append(b)
                a = a + b
            if activation is not None and k < len(shapes) - 1:
                a = activation(a)
        y = a
        if loss_kind == "mse":
            loss = tf.reduce_mean(tf.square(y - y_))
        elif loss_kind == "mse-course":  # the sales lesson writes y_ - y
            loss = tf.reduce_mean(tf.square(y_ - y))
        elif loss_kind == "cost-profit":
            loss = tf.reduce_sum(tf.where(tf.greater(y, y_), cost * (y - y_), profit * (y_ - y)))
        elif loss_kind == "softmax-ce":
            loss = tf.reduce_mean(tf1.nn.softmax_cross_entropy_with_logits_v2(labels=y_, logits=y))
        else:
            raise ValueError(loss_kind)
        train = make_opt().minimize(loss)
        with tf1.Session(graph=g) as sess:
            sess.run(tf1.global_variables_initializer())
            init = [f32list(sess.run(w)) for w in ws]
            log = []
            n = X.shape[0]
            for i in range(steps):
                start = (i * batch) % n
                end = start + batch
                sess.run(train, feed_dict={x: X[start:end], y_: Y[start:end]})
                if i % log_every == 0:
                    log.append([i, float(sess.run(loss, feed_dict={x: X, y_: Y}))])
            final = {f"w{k + 1}": f32list(sess.run(w)) for k, w in enumerate(ws)}
            final.update({f"b{k + 1}": f32list(sess.run(b)) for k, b in enumerate(bs)})
            return {"initial": {f"w{k + 1}": v for k, v in enumerate(init)}, "log": log, "final": final,
                    "final_loss": float(sess.run(loss, feed_dict={x: X, y_: Y}))}


def tutorial_optimizers():
    X, Y = tutorial_data()
    T = tf1.train
    runs = {
        "gd_lr0.001": lambda: T.GradientDescentOptimizer(0.001),
        "momentum_lr0.001": lambda: T.MomentumOptimizer(0.001, 0.9),
        "adam_lr0.001": lambda: T.AdamOptimizer(0.001),
        "rmsprop_lr0.001": lambda: T.RMSPropOptimizer(0.001),
        "rmsprop_lr0.01": lambda: T.RMSPropOptimizer(0.01),
        "rmsprop_momentum0.9_centered_lr0.001": lambda: T.RMSPropOptimizer(0.001, momentum=0.9, centered=True),
        "rmsprop_momentum0.9_centered_lr0.01": lambda: T.RMSPropOptimizer(0.01, momentum=0.9, centered=True),
        "rmsprop_decay0.8_momentum0.5_lr0.003": lambda: T.RMSPropOptimizer(0.003, decay=0.8, momentum=0.5),
        "adagrad_lr0.001": lambda: T.AdagradOptimizer(0.001),
        "adagrad_lr0.1": lambda: T.AdagradOptimizer(0.1),
        "adagrad_lr0.05_init0.5": lambda: T.AdagradOptimizer(0.05, initial_accumulator_value=0.5),
    }
    out = {"about": "tutorial network 2-3-1 linear, no bias, MSE, batch 8, 3000 steps, loss on all data logged "
                    "after update i for i % 100 == 0; TF defaults: RMSProp decay 0.9 momentum 0 epsilon 1e-10, "
                    "Adagrad initial_accumulator_value 0.1",
           "tensorflow": tf.__version__, "steps": 3000, "log_every": 100, "runs": {}}
    for name, make in runs.items():
        out["runs"][name] = run_network(make, X, Y, 3000, 100)
        print(name, out["runs"][name]["final_loss"], flush=True)
    return out


def parabola():
    out = {"about": "the course's learning-rate lesson: w = Variable(5.0 float32), loss = square(w + 1), "
                    "GradientDescent for 40 steps; each row after update i (1-based step = i + 1): "
                    "[step, w, loss] (decay: [step, global_step, w, lr, loss])",
           "tensorflow": tf.__version__, "runs": {}}
    for lr in (0.2, 1.0, 0.0001):
        g = tf1.Graph()
        with g.as_default():
            w = tf1.Variable(tf.constant(5, dtype=tf.float32))
            loss = tf.square(w + 1)
            train = tf1.train.GradientDescentOptimizer(lr).minimize(loss)
            with tf1.Session(graph=g) as sess:
                sess.run(tf1.global_variables_initializer())
                rows = []
                for i in range(40):
                    sess.run(train)
                    rows.append([i + 1, float(sess.run(w)), float(sess.run(loss))])
        out["runs"][f"lr{lr:g}"] = rows
    g = tf1.Graph()
    with g.as_default():
        global_step = tf1.Variable(0, trainable=False)
        lr = tf1.train.exponential_decay(0.1, global_step, 1, 0.99, staircase=True)
        w = tf1.Variable(tf.constant(5, dtype=tf.float32))
        loss = tf.square(w + 1)
        train = tf1.train.GradientDescentOptimizer(lr).minimize(loss, global_step=global_step)
        with tf1.Session(graph=g) as sess:
            sess.run(tf1.global_variables_initializer())
            rows = []
            for i in range(40):
                sess.run(train)
                rows.append([i + 1, int(sess.run(global_step)), float(sess.run(w)), float(sess.run(lr)),
                             float(sess.run(loss))])
    out["runs"]["decay0.1_0.99_staircase"] = rows
    return out


def sales():
    rdm = np.random.RandomState(23455)
    X = rdm.rand(32, 2)
    Y = np.array([[x1 + x2 + (rdm.rand() / 10.0 - 0.05)] for (x1, x2) in X])
    out = {"about": "the course's loss lesson: X = RandomState(23455).rand(32,2), Y_ = x0+x1+(rand()/10-0.05) "
                    "from the same generator, y = x @ w1 (2-1, no bias), GD 0.001, batch 8, 20000 steps, loss on "
                    "all data logged after update i for i % 500 == 0",
           "tensorflow": tf.__version__, "X": X.tolist(), "Y": Y.tolist(), "runs": {}}
    T = tf1.train
    out["runs"]["mse"] = run_network(lambda: T.GradientDescentOptimizer(0.001), X, Y, 20000, 500,
                                     shapes=((2, 1),), loss_kind="mse-course")
    for cost, profit in ((1, 9), (9, 1)):
        out["runs"][f"cost{cost}_profit{profit}"] = run_network(
            lambda: T.GradientDescentOptimizer(0.001), X, Y, 20000, 500, shapes=((2, 1),),
            loss_kind="cost-profit", cost=float(cost), profit=float(profit))
    for k, v in out["runs"].items():
        print("sales", k, v["final"], flush=True)
    return out


def softmax3():
    rng = np.random.RandomState(7)
    n = 48
    X = rng.uniform(-1, 1, size=(n, 2))
    angle = np.arctan2(X[:, 1], X[:, 0])
    labels = ((angle + np.pi) / (2 * np.pi / 3)).astype(int) % 3
    Y = np.eye(3)[labels]
    out = {"about": "3-class softmax-ce: 48 points uniform in [-1,1]^2, label = sector of the angle "
                    "(3 sectors of 120 degrees from -pi), network 2-4-3 tanh with zero biases, every weight matrix "
                    "random_normal(seed=1), softmax_cross_entropy_with_logits_v2 mean, Adam 0.01, batch 8, "
                    "600 steps, loss on all data logged after update i for i % 100 == 0",
           "tensorflow": tf.__version__, "X": X.tolist(), "labels": labels.tolist(), "runs": {}}
    out["runs"]["adam_lr0.01"] = run_network(lambda: tf1.train.AdamOptimizer(0.01), X, Y, 600, 100,
                                             shapes=((2, 4), (4, 3)), loss_kind="softmax-ce",
                                             activation=tf.tanh, bias=True)
    out["runs"]["gd_lr0.1"] = run_network(lambda: tf1.train.GradientDescentOptimizer(0.1), X, Y, 600, 100,
                                          shapes=((2, 4), (4, 3)), loss_kind="softmax-ce",
                                          activation=tf.tanh, bias=True)
    return out


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for name, fn in (("tf1_parabola", parabola), ("tf1_optimizers_tutorial", tutorial_optimizers),
                     ("tf1_sales", sales), ("tf1_softmax3", softmax3)):
        (OUT / f"{name}.json").write_text(json.dumps(fn(), indent=1) + "\n")
        print("wrote", name, flush=True)
