package org.trainset.refine.text;

/** Disjoint sets over 0..n−1 with path halving and union by size. */
public final class UnionFind {
  private final int[] parent;
  private final int[] size;

  public UnionFind(int n) {
    parent = new int[n];
    size = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
      size[i] = 1;
    }
  }

  public int find(int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  public void union(int x, int y) {
    int rx = find(x), ry = find(y);
    if (rx == ry) return;
    if (size[rx] < size[ry]) { int t = rx; rx = ry; ry = t; }
    parent[ry] = rx;
    size[rx] += size[ry];
  }
}
