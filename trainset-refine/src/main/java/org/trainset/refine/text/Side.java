package org.trainset.refine.text;

/**
 * Which side of a parallel pair decides duplication. {@link #SOURCE} is the default: the seed's
 * rule is about collected Korean sentences, so one Korean sentence with two translations is a
 * duplicate. {@link #BOTH} drops a pair only when source and target are each ≥ threshold
 * similar (keeps alternative translations). Monolingual items use their one text whatever the side.
 */
public enum Side { SOURCE, TARGET, BOTH }
