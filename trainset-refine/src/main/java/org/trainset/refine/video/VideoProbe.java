package org.trainset.refine.video;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.trainset.core.io.InputException;
import org.trainset.core.io.Json;
import org.trainset.core.io.ParseLimits;

/**
 * What {@code ffprobe} says about a clip's first video stream: size, frame rate (as a fraction),
 * frame count, duration, whether it has audio and whether its rate is variable.
 */
public record VideoProbe(int width, int height, long rateNum, long rateDen, long frames, double duration,
                         boolean audio, boolean variableRate, String codec) {

  public String rate() {
    return rateNum + "/" + rateDen;
  }

  public static VideoProbe of(Path file) throws IOException {
    Ffmpeg.Running p = Ffmpeg.start(List.of(Ffmpeg.tool("ffprobe").toString(), "-v", "error", "-show_streams",
        "-show_format", "-of", "json", file.toAbsolutePath().toString()));
    byte[] out = p.process().getInputStream().readAllBytes();
    p.finish(file);
    JsonNode root = Json.mapper(ParseLimits.DEFAULT).readTree(out);
    JsonNode video = null;
    boolean audio = false;
    for (JsonNode s : root.path("streams")) {
      String type = s.path("codec_type").asText();
      if (type.equals("video") && video == null) video = s;
      if (type.equals("audio")) audio = true;
    }
    if (video == null) throw new InputException(file, "video-no-stream", "no video stream in this file");
    long[] r = fraction(video.path("r_frame_rate").asText("0/1"));
    long[] avg = fraction(video.path("avg_frame_rate").asText("0/1"));
    if (r[0] <= 0) throw new InputException(file, "video-rate", "the video stream has no frame rate");
    long frames = video.path("nb_frames").asLong(-1);
    double duration = video.path("duration").asDouble(root.path("format").path("duration").asDouble(-1));
    boolean vfr = avg[0] > 0 && r[0] * avg[1] != avg[0] * r[1];
    return new VideoProbe(video.path("width").asInt(), video.path("height").asInt(), r[0], r[1], frames, duration,
        audio, vfr, video.path("codec_name").asText());
  }

  private static long[] fraction(String s) {
    String[] p = s.split("/");
    try {
      return new long[] {Long.parseLong(p[0]), p.length > 1 ? Long.parseLong(p[1]) : 1};
    } catch (NumberFormatException e) {
      return new long[] {0, 1};
    }
  }
}
