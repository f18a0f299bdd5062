package nl.lekwacht.evaluation;

import java.util.Locale;

/** The dial-in blocks that Teams, Zoom and Webex put into an invitation, in their Dutch wording. */
final class Meetings {

    private Meetings() {
    }

    private static String digits(Kit kit, int n) {
        StringBuilder b = new StringBuilder().append(1 + kit.random.nextInt(9));
        for (int i = 1; i < n; i++) {
            b.append(kit.random.nextInt(10));
        }
        return b.toString();
    }

    private static String token(Kit kit, int n) {
        String a = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(a.charAt(kit.random.nextInt(a.length())));
        }
        return b.toString();
    }

    /** A Teams block whose telephone conference ID is the nine digits {@code conference}. */
    static String teams(Kit kit, String conference) {
        String meetingId = digits(kit, 12);
        String grouped = conference.substring(0, 3) + " " + conference.substring(3, 6) + " " + conference.substring(6);
        String phone = "+31 20 " + digits(kit, 3) + " " + digits(kit, 4);
        return "________________________________________________________________________________\n"
                + "Microsoft Teams-vergadering\n"
                + "Deelnemen op uw computer, via de mobiele app of een ruimteapparaat\n"
                + "Klik hier om deel te nemen aan de vergadering<https://teams.microsoft.com/l/meetup-join/19%3ameeting_"
                + token(kit, 40) + "%40thread.v2/0?context=%7b%22Tid%22%3a%22" + token(kit, 12) + "%22%7d>\n"
                + "Vergadering-id: " + meetingId.substring(0, 3) + " " + meetingId.substring(3, 6) + " "
                + meetingId.substring(6, 9) + " " + meetingId.substring(9) + "\n"
                + "Wachtwoordcode: " + token(kit, 6) + "\n"
                + "Teams downloaden<https://www.microsoft.com/microsoft-teams/download-app> | Deelnemen via het web\n"
                + "Of bel in (alleen audio)\n"
                + phone + ",," + conference + "#   Netherlands, Amsterdam\n"
                + "Telefonische vergadering-id: " + grouped + "#\n"
                + "Een lokaal nummer zoeken<https://dialin.teams.microsoft.com/" + token(kit, 8).toLowerCase(Locale.ROOT)
                + "?id=" + conference + "> | Pincode opnieuw instellen\n"
                + "Meer informatie<https://aka.ms/JoinTeamsMeeting> | Vergaderopties\n"
                + "________________________________________________________________________________";
    }

    /** A Zoom block with a meeting ID of {@code id} (9, 10 or 11 digits). */
    static String zoom(Kit kit, String id) {
        String grouped = id.length() == 9 ? id.substring(0, 3) + " " + id.substring(3, 6) + " " + id.substring(6)
                : id.substring(0, 3) + " " + id.substring(3, 7) + " " + id.substring(7);
        String code = digits(kit, 6);
        return "Deelnemen aan Zoom-vergadering\nhttps://us02web.zoom.us/j/" + id + "?pwd=" + token(kit, 32) + "\n\n"
                + "Vergadering-ID: " + grouped + "\nToegangscode: " + code + "\n\n---\n"
                + "Snel mobiel inbellen\n+31202412066,," + id + "#,,,,*" + code + "# Nederland\n"
                + "+31207947345,," + id + "#,,,,*" + code + "# Nederland\n\n"
                + "Inbellen op basis van uw locatie\n        +31 20 241 2066 Nederland\n"
                + "        +31 20 794 7345 Nederland\nVergadering-ID: " + grouped + "\nToegangscode: " + code;
    }

    /** A Webex block with an access code of {@code id}. */
    static String webex(Kit kit, String id) {
        String grouped = id.substring(0, 4) + " " + id.substring(4, 7) + " " + id.substring(7);
        return "Deelnemen aan Webex-vergadering\nhttps://noordwaard.webex.com/noordwaard/j.php?MTID=m" + token(kit, 32)
                + "\nVergaderingsnummer (toegangscode): " + grouped + "\nWachtwoord vergadering: " + token(kit, 10)
                + "\n\nTik om deel te nemen vanaf een mobiel apparaat\n+31-20-808-2256,," + id + "## Netherlands Toll\n"
                + "\nDeelnemen per telefoon\n+31-20-808-2256 Netherlands Toll\nToegangscode: " + grouped;
    }
}
