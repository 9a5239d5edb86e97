package org.trainset.server.access;

/** Why a caller wants a dataset: its card and sample, its files, or a sandbox job on it. */
public enum Purpose {
  VIEW, DOWNLOAD, SANDBOX
}
