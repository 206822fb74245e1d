package org.dhrtracker.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.TexturePaint;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The board report's charts, drawn with Java2D into opaque RGB images (PDF/A allows no
 * transparency). Every bar carries its number as a direct label and parts of a bar differ by
 * pattern, not colour alone, so a greyscale print reads the same.
 */
final class Charts {

    /** A labelled bar: {@code first} is drawn solid dark, {@code second} hatched after it. */
    record Bar(String label, int first, int second, String valueLabel) {
    }

    /** Pixels per PDF point: sharp on screen and on paper. */
    private static final int SCALE = 3;
    private static final Color INK = new Color(0x222222);
    private static final Color SOLID = new Color(0x444444);
    private static final Color GRID = new Color(0xBBBBBB);
    private static final String FONT = "DejaVu Sans";

    private Charts() {
    }

    /** Horizontal bars, one per row, with the label on the left and the value after the bar. */
    static BufferedImage bars(List<Bar> bars, int width, int height) {
        BufferedImage image = canvas(width, height);
        Graphics2D g = graphics(image);
        Font font = new Font(FONT, Font.PLAIN, 8);
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        int labelWidth = Math.min(width / 2, bars.stream().mapToInt(b -> fm.stringWidth(b.label())).max().orElse(0) + 6);
        int valueWidth = bars.stream().mapToInt(b -> fm.stringWidth(b.valueLabel())).max().orElse(0) + 6;
        int max = Math.max(1, bars.stream().mapToInt(b -> b.first() + b.second()).max().orElse(1));
        double unit = (double) (width - labelWidth - valueWidth) / max;
        double row = bars.isEmpty() ? 0 : Math.min(16.0, (double) height / bars.size());
        TexturePaint hatch = hatch();
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = (int) (i * row);
            int h = (int) Math.max(4, row - 4);
            int baseline = y + (int) ((row + fm.getAscent() - fm.getDescent()) / 2);
            g.setColor(INK);
            g.drawString(fit(b.label(), fm, labelWidth - 6), 0, baseline);
            int x = labelWidth;
            int w1 = (int) Math.round(b.first() * unit);
            int w2 = (int) Math.round(b.second() * unit);
            g.setColor(SOLID);
            g.fillRect(x, y + 2, w1, h);
            g.setPaint(hatch);
            g.fillRect(x + w1, y + 2, w2, h);
            g.setColor(INK);
            g.setStroke(new BasicStroke(0.5f));
            if (w1 + w2 > 0) {
                g.drawRect(x, y + 2, w1 + w2, h);
            }
            g.drawString(b.valueLabel(), x + w1 + w2 + 4, baseline);
        }
        g.dispose();
        return image;
    }

    /** A line of values over dates, each point labelled with its value; x labels are the given texts. */
    static BufferedImage line(List<String> xLabels, List<Integer> values, int width, int height) {
        BufferedImage image = canvas(width, height);
        Graphics2D g = graphics(image);
        g.setFont(new Font(FONT, Font.PLAIN, 7));
        FontMetrics fm = g.getFontMetrics();
        int left = 24;
        int right = 24;
        int top = 12;
        int bottom = height - 2 * fm.getHeight() - 2;
        int step = niceStep(values.stream().mapToInt(Integer::intValue).max().orElse(1) / 4.0);
        int max = 4 * step;
        int n = values.size();
        g.setStroke(new BasicStroke(0.5f));
        g.setColor(GRID);
        for (int k = 0; k <= 4; k++) {
            int y = bottom - (bottom - top) * k / 4;
            g.drawLine(left, y, width - right, y);
            g.setColor(INK);
            String tick = String.valueOf(step * k);
            g.drawString(tick, left - 3 - fm.stringWidth(tick), y + fm.getAscent() / 2);
            g.setColor(GRID);
        }
        Path2D path = new Path2D.Double();
        int[] xs = new int[n];
        int[] ys = new int[n];
        for (int i = 0; i < n; i++) {
            xs[i] = n == 1 ? (left + width - right) / 2 : left + (width - left - right) * i / (n - 1);
            ys[i] = bottom - (int) Math.round((bottom - top) * (double) values.get(i) / max);
            if (i == 0) {
                path.moveTo(xs[i], ys[i]);
            } else {
                path.lineTo(xs[i], ys[i]);
            }
        }
        g.setColor(INK);
        g.setStroke(new BasicStroke(1.5f));
        g.draw(path);
        for (int i = 0; i < n; i++) {
            g.fillRect(xs[i] - 2, ys[i] - 2, 5, 5);
            String v = String.valueOf(values.get(i));
            g.drawString(v, xs[i] - fm.stringWidth(v) / 2, ys[i] - 4);
            // Alternate rows so that neighbouring dates never overlap.
            int labelY = bottom + fm.getAscent() + 2 + (i % 2) * fm.getHeight();
            String x = xLabels.get(i);
            g.drawString(x, Math.max(0, Math.min(width - fm.stringWidth(x), xs[i] - fm.stringWidth(x) / 2)), labelY);
        }
        g.dispose();
        return image;
    }

    /** A step of 1, 2, 5 (or 2.5 from 25 up) times a power of ten: axis ticks people read at a glance. */
    static int niceStep(double raw) {
        int magnitude = 1;
        while (magnitude * 10 <= raw) {
            magnitude *= 10;
        }
        for (double m : magnitude >= 10 ? new double[] {1, 2, 2.5, 5, 10} : new double[] {1, 2, 5, 10}) {
            if (m * magnitude >= raw) {
                return (int) (m * magnitude);
            }
        }
        return 10 * magnitude;
    }

    /** PNG, so the PDF keeps the lines and text sharp (Jasper would store a java.awt.Image as JPEG). */
    static byte[] png(BufferedImage image) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static BufferedImage canvas(int width, int height) {
        BufferedImage image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.dispose();
        return image;
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale(SCALE, SCALE);
        return g;
    }

    /** Diagonal lines on white: the second part of a bar, told apart from the solid first part without colour. */
    private static TexturePaint hatch() {
        BufferedImage tile = new BufferedImage(6 * SCALE, 6 * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D t = tile.createGraphics();
        t.setColor(Color.WHITE);
        t.fillRect(0, 0, tile.getWidth(), tile.getHeight());
        t.setColor(SOLID);
        t.setStroke(new BasicStroke(SCALE));
        t.drawLine(0, tile.getHeight(), tile.getWidth(), 0);
        t.dispose();
        return new TexturePaint(tile, new Rectangle(0, 0, 6, 6));
    }

    private static String fit(String text, FontMetrics fm, int width) {
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String t = text;
        while (!t.isEmpty() && fm.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }
}
