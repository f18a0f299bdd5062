package nl.lekwacht.evaluation;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Makes the scanned documents of content corpus B at test time, so no images are committed: a text
 * PDF is rasterised (PDFBox's renderer, java.awt only), degraded as named (clean, skew, noise,
 * lowres), and wrapped in an e-mail as an image-only PDF, PNG or JPEG attachment(s) or as inline
 * JPEG(s) in an HTML body. Deterministic for a given source, form and variant.
 *
 * <p>To look at the results, or to score from files:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=nl.lekwacht.evaluation.ScanMaker
 * -Dexec.args="src/test/resources/evaluation/content-b target/scans"} writes one .eml per scan row of the manifest.
 */
public final class ScanMaker {

    /** The forms, also the manifest's category of a scan row. */
    public static final List<String> FORMS = List.of("scan-pdf", "scan-png", "scan-jpeg", "scan-jpeg-inline");

    static final float SCAN_DPI = 200f;
    static final float LOW_DPI = 85f;

    private ScanMaker() {
    }

    /** The message for one scan row of the manifest: {@code source} is the text PDF the row names. */
    public static byte[] eml(byte[] source, String form, String variant, String rowName) {
        long seed = (rowName + "|" + form + "|" + variant).hashCode();
        List<BufferedImage> pages = rasterise(source, variant, seed);
        boolean jpeg = form.equals("scan-jpeg") || form.equals("scan-jpeg-inline") || variant.equals("lowres");
        List<String[]> parts = new ArrayList<>();
        switch (form) {
            case "scan-pdf" -> parts.add(new String[] {"application/pdf", "scan_" + (1000 + Math.floorMod(seed, 9000))
                    + ".pdf", b64(imagePdf(pages, jpeg)), "attachment"});
            case "scan-png" -> {
                for (int i = 0; i < pages.size(); i++) {
                    parts.add(new String[] {"image/png", "Schermafbeelding " + (i + 1) + ".png", b64(png(pages.get(i))),
                            "attachment"});
                }
            }
            case "scan-jpeg", "scan-jpeg-inline" -> {
                for (int i = 0; i < pages.size(); i++) {
                    parts.add(new String[] {"image/jpeg", "IMG_" + (4000 + Math.floorMod(seed, 5000) + i) + ".jpeg",
                            b64(jpeg(pages.get(i), variant.equals("lowres") ? 0.55f : 0.8f)),
                            form.equals("scan-jpeg") ? "attachment" : "inline"});
                }
            }
            default -> throw new IllegalArgumentException("unknown scan form " + form);
        }
        return message(parts, form.equals("scan-jpeg-inline"), seed);
    }

    /** Every page of {@code pdf} as a degraded grey image. */
    public static List<BufferedImage> rasterise(byte[] pdf, String variant, long seed) {
        Random random = new Random(seed);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            List<BufferedImage> out = new ArrayList<>();
            for (int p = 0; p < doc.getNumberOfPages() && p < 2; p++) {
                BufferedImage page = renderer.renderImageWithDPI(p, SCAN_DPI, ImageType.GRAY);
                out.add(switch (variant) {
                    case "clean" -> page;
                    case "skew" -> skew(page, (1.2 + random.nextDouble() * 2.8) * (random.nextBoolean() ? 1 : -1));
                    case "noise" -> noise(page, random);
                    case "lowres" -> scale(page, LOW_DPI / SCAN_DPI);
                    default -> throw new IllegalArgumentException("unknown scan variant " + variant);
                });
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage skew(BufferedImage in, double degrees) {
        BufferedImage out = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(236, 236, 236));
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(degrees), in.getWidth() / 2.0, in.getHeight() / 2.0);
        g.translate(in.getWidth() * 0.01, in.getHeight() * 0.008);
        g.drawImage(in, 0, 0, null);
        g.dispose();
        return out;
    }

    /** Grey paper, sensor noise, dust specks and a faint darker band, as a cheap office scanner gives. */
    private static BufferedImage noise(BufferedImage in, Random random) {
        BufferedImage out = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        int band = random.nextInt(in.getWidth());
        for (int y = 0; y < in.getHeight(); y++) {
            for (int x = 0; x < in.getWidth(); x++) {
                int v = in.getRaster().getSample(x, y, 0);
                v = 30 + v * 200 / 255;
                v += (int) (random.nextGaussian() * 18);
                if (Math.abs(x - band) < 25) {
                    v -= 25;
                }
                double speck = random.nextDouble();
                if (speck < 0.002) {
                    v = 20;
                } else if (speck < 0.003) {
                    v = 250;
                }
                out.getRaster().setSample(x, y, 0, Math.max(0, Math.min(255, v)));
            }
        }
        return out;
    }

    private static BufferedImage scale(BufferedImage in, double factor) {
        int w = (int) Math.round(in.getWidth() * factor);
        int h = (int) Math.round(in.getHeight() * factor);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(in, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    static byte[] png(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] jpeg(BufferedImage image, float quality) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
             ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
            ios.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /** An image-only PDF: each page one image filling an A4 page, no text layer. */
    static byte[] imagePdf(List<BufferedImage> pages, boolean jpeg) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (BufferedImage image : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                PDImageXObject x = jpeg ? JPEGFactory.createFromImage(doc, image, 0.7f)
                        : LosslessFactory.createFromImage(doc, image);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(x, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            doc.getDocumentInformation().setProducer("Scan2PDF");
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(bytes);
    }

    private static byte[] message(List<String[]> parts, boolean inline, long seed) {
        String outer = "----=_NextPart_" + Long.toHexString(seed & 0xffffffffL);
        String related = outer + "_rel";
        StringBuilder m = new StringBuilder();
        m.append("From: Scanner Werkplein <scanner@werkplein-noordwaard.example>\r\n")
                .append("To: Wijkteam Centrum <intake@wijkteam-centrum.example>\r\n")
                .append("Subject: ").append(inline ? "Foto brief" : "Gescand document").append("\r\n")
                .append("Date: Tue, 14 Oct 2025 10:12:").append(String.format("%02d", Math.floorMod(seed, 60)))
                .append(" +0200\r\n")
                .append("Message-ID: <scan.").append(Long.toHexString(seed & 0xffffffffL))
                .append("@werkplein-noordwaard.example>\r\nMIME-Version: 1.0\r\n");
        if (inline) {
            m.append("Content-Type: multipart/related; type=\"text/html\"; boundary=\"").append(related).append("\"\r\n\r\n")
                    .append("--").append(related).append("\r\nContent-Type: text/html; charset=utf-8\r\n\r\n")
                    .append("<html><body><p>Hierbij de foto van de brief.</p>");
            for (int i = 0; i < parts.size(); i++) {
                m.append("<p><img src=\"cid:foto").append(i).append("@werkplein\" width=\"600\"></p>");
            }
            m.append("<p>Verzonden vanaf mijn iPhone</p></body></html>\r\n");
            for (int i = 0; i < parts.size(); i++) {
                String[] p = parts.get(i);
                m.append("--").append(related).append("\r\nContent-Type: ").append(p[0]).append("; name=\"").append(p[1])
                        .append("\"\r\nContent-Disposition: inline; filename=\"").append(p[1])
                        .append("\"\r\nContent-ID: <foto").append(i).append("@werkplein>\r\n")
                        .append("Content-Transfer-Encoding: base64\r\n\r\n").append(p[2]).append("\r\n");
            }
            m.append("--").append(related).append("--\r\n");
        } else {
            m.append("Content-Type: multipart/mixed; boundary=\"").append(outer).append("\"\r\n\r\n")
                    .append("--").append(outer).append("\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n")
                    .append("Bijgaand het gescande document.\r\n");
            for (String[] p : parts) {
                m.append("--").append(outer).append("\r\nContent-Type: ").append(p[0]).append("; name=\"").append(p[1])
                        .append("\"\r\nContent-Disposition: ").append(p[3]).append("; filename=\"").append(p[1])
                        .append("\"\r\nContent-Transfer-Encoding: base64\r\n\r\n").append(p[2]).append("\r\n");
            }
            m.append("--").append(outer).append("--\r\n");
        }
        return m.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes the .eml of every scan row of {@code corpus}/manifest.csv into {@code target}. */
    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args.length > 0 ? args[0] : "src/test/resources/evaluation/content-b");
        Path target = Path.of(args.length > 1 ? args[1] : "target/scans");
        Files.createDirectories(target);
        int n = 0;
        for (Manifest.Row row : Manifest.read(corpus.resolve("manifest.csv"))) {
            if (!row.get("kind").equals("scan")) {
                continue;
            }
            String file = row.get("file");
            String name = file.substring(file.lastIndexOf('/') + 1).replace(".pdf", "") + "-" + row.get("category")
                    + "-" + row.get("scan") + ".eml";
            Files.write(target.resolve(row.get("split") + "-" + name),
                    eml(Files.readAllBytes(corpus.resolve(file)), row.get("category"), row.get("scan"), file));
            n++;
        }
        System.out.println(n + " scan messages written to " + target);
    }
}
