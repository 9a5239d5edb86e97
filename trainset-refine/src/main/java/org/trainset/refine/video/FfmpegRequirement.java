package org.trainset.refine.video;

import java.util.Optional;
import org.trainset.core.env.Requirement;
import org.trainset.core.io.InputException;

/** {@code trainset doctor}: Debian's ffmpeg, which video de-identification and downscaling run. */
public final class FfmpegRequirement implements Requirement {
  @Override public String name() { return "ffmpeg and ffprobe"; }
  @Override public String debianPackage() { return "ffmpeg"; }
  @Override public String usedBy() { return "trainset deid video, downscale of videos"; }
  @Override public String alternative() { return "set TRAINSET_FFMPEG_DIR"; }

  @Override public Optional<String> locate() {
    try {
      Ffmpeg.tool("ffprobe");
      return Optional.of(Ffmpeg.tool("ffmpeg").toString());
    } catch (InputException e) {
      return Optional.empty();
    }
  }
}
