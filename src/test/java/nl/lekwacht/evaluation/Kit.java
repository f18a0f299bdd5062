package nl.lekwacht.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** What every case builder of content corpus B shares: randomness, people, producers, dates. */
final class Kit {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final String ORG = "werkplein-noordwaard.example";
    static final String ORG2 = "sociaaldomein-b.example";

    /** One message of the corpus; its bytes are made on demand, after LibreOffice has run. */
    record Case(String label, String category, List<String> bsns, String present, String absent, String notes,
                Supplier<byte[]> eml) {
    }

    final Random random;
    final Dutch nl;
    final MailWriter writer;
    final LibreOffice office;
    final PythonTools python;
    final List<Draft.Person> staff = new ArrayList<>();
    final List<Draft.Person> partners = new ArrayList<>();
    final List<String> teams = List.of("Team Wmo", "Team Jeugd", "Team Inkomen", "Team Werk", "Schuldhulpverlening",
            "Team Bijzondere Bijstand", "Klantcontactcentrum", "Team Bezwaar en Beroep", "Team Leerplicht");
    private int messageCounter;

    Kit(long seed, LibreOffice office, PythonTools python) {
        this.random = new Random(seed);
        this.nl = new Dutch(random);
        this.writer = new MailWriter(random);
        this.office = office;
        this.python = python;
        for (int i = 0; i < 14; i++) {
            staff.add(nl.staff(i % 3 == 0 ? ORG2 : ORG));
        }
        String[] partnerDomains = {"zorgkantoor-rivierland.example", "ggd-noordwaard.example",
                "wijkteam-centrum.example", "jeugdhulp-de-brug.example", "thuiszorg-de-linde.example",
                "schuldhulp-oost.example", "woonstichting-waardhoven.example", "bewindvoering-kroon.example",
                "reintegratie-opmaat.example", "huisartsen-polderveen.example", "advocatuur-verhoef.example"};
        for (String d : partnerDomains) {
            partners.add(nl.staff(d));
            partners.add(nl.staff(d));
        }
    }

    Draft.Person me() {
        return nl.pick(staff);
    }

    Draft.Person partner() {
        return nl.pick(partners);
    }

    String team() {
        return nl.pick(teams);
    }

    ZonedDateTime when() {
        LocalDate day = LocalDate.of(2025, 2, 3).plusDays(random.nextInt(300));
        while (day.getDayOfWeek().getValue() > 5) {
            day = day.plusDays(1);
        }
        return day.atTime(7 + random.nextInt(11), random.nextInt(60), random.nextInt(60)).atZone(AMSTERDAM);
    }

    String messageId(String domain, String style) {
        String hex = Long.toHexString(random.nextLong() & Long.MAX_VALUE);
        return switch (style) {
            case "outlook" -> "<AM0PR09MB" + (1000 + random.nextInt(8999)) + hex.toUpperCase(Locale.ROOT) + "@AM0PR09MB"
                    + (1000 + random.nextInt(8999)) + ".eurprd09.prod.outlook.com>";
            case "thunderbird" -> "<" + hex.substring(0, Math.min(8, hex.length())) + "-" + (1000 + random.nextInt(8999))
                    + "-4" + (100 + random.nextInt(899)) + "-a" + (100 + random.nextInt(899)) + "-" + hex + "@" + domain + ">";
            case "apple" -> "<" + hex.toUpperCase(Locale.ROOT) + "-" + (1000 + random.nextInt(8999)) + "@" + domain + ">";
            default -> "<" + (++messageCounter) + "." + hex + "@" + domain + ">";
        };
    }

    /** A new draft from {@code from} to {@code to}, dated and identified as {@code client} would. */
    Draft draft(Draft.Person from, Draft.Person to, String subject, MailWriter.Client client) {
        String style = switch (client) {
            case OUTLOOK -> "outlook";
            case THUNDERBIRD -> "thunderbird";
            case IPHONE -> "apple";
            default -> "other";
        };
        Draft d = new Draft().from(from.name(), from.address()).to(to.name(), to.address()).subject(subject);
        d.date = when();
        d.messageId = messageId(from.address().substring(from.address().indexOf('@') + 1), style);
        return d;
    }

    MailWriter.Client client() {
        return nl.one(MailWriter.Client.OUTLOOK, MailWriter.Client.OUTLOOK, MailWriter.Client.OUTLOOK,
                MailWriter.Client.THUNDERBIRD, MailWriter.Client.GMAIL, MailWriter.Client.IPHONE,
                MailWriter.Client.ANDROID);
    }

    Case positive(String category, List<String> bsns, String notes, Supplier<byte[]> eml) {
        return new Case("positive", category, bsns, "BSN", "", notes, eml);
    }

    Case hardNegative(String category, String notes, Supplier<byte[]> eml) {
        return new Case("hard-negative", category, List.of(), "", "BSN", notes, eml);
    }

    Case negative(String category, String notes, Supplier<byte[]> eml) {
        return new Case("negative", category, List.of(), "", "BSN;IBAN", notes, eml);
    }

    /** A number written in one of the groupings people use: 333, 423, 324, dots, dashes or none. */
    static String group(String nine, String style) {
        return switch (style) {
            case "333" -> nine.substring(0, 3) + " " + nine.substring(3, 6) + " " + nine.substring(6);
            case "423" -> nine.substring(0, 4) + " " + nine.substring(4, 6) + " " + nine.substring(6);
            case "324" -> nine.substring(0, 3) + " " + nine.substring(3, 5) + " " + nine.substring(5);
            case "dots" -> nine.substring(0, 3) + "." + nine.substring(3, 6) + "." + nine.substring(6);
            case "dashes" -> nine.substring(0, 3) + "-" + nine.substring(3, 6) + "-" + nine.substring(6);
            default -> nine;
        };
    }

    String anyGroup(String nine) {
        return group(nine, nl.one("plain", "plain", "plain", "333", "423", "dots"));
    }

    static byte[] zip(String[] names, byte[][] contents) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i < names.length; i++) {
                ZipEntry e = new ZipEntry(names[i]);
                e.setTime(1_740_000_000_000L + i * 60_000L);
                z.putNextEntry(e);
                z.write(contents[i]);
                z.closeEntry();
            }
            z.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    String kenmerk() {
        return nl.one("WP/", "INK-", "WMO-", "JZ ", "SHV/", "") + "2025/" + (1000 + random.nextInt(98999));
    }

    String dateNl(ZonedDateTime t) {
        String[] months = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                "oktober", "november", "december"};
        return t.getDayOfMonth() + " " + months[t.getMonthValue() - 1] + " " + t.getYear();
    }
}
