import { bench, size, LCG } from './harness.js';

// An array of three kinds of shape object; `area` is a method of each class. Checksum: the total area.
class Circle {
  constructor(r) {
    this.r = r;
  }
  area() {
    return Math.PI * (this.r * this.r);
  }
}
class Square {
  constructor(s) {
    this.s = s;
  }
  area() {
    return this.s * this.s;
  }
}
class Rect {
  constructor(w, h) {
    this.w = w;
    this.h = h;
  }
  area() {
    return this.w * this.h;
  }
}

function makeShapes(n) {
  const g = new LCG(42);
  const v = new Array(n);
  for (let i = 0; i < n; i++) {
    const kind = g.next() % 3;
    const a = (g.next() % 1000) / 100;
    v[i] = kind === 0 ? new Circle(a) : kind === 1 ? new Square(a) : new Rect(a, (g.next() % 1000) / 100);
  }
  return v;
}

function totalArea(v) {
  let s = 0;
  for (const x of v) s += x.area();
  return s;
}

const v = makeShapes(size(100000));
bench('unstable_shapes', () => totalArea(v));
