package nl.lekwacht.web;

/**
 * A request path as it may be logged: the token of a hold link ({@code /h/...}) or a report link
 * ({@code /r/...}) is a bearer credential, so it never reaches a log line. Stateless.
 */
final class LoggedPath {

    private LoggedPath() {
    }

    static String of(String path) {
        for (String prefix : new String[] {"/h/", "/r/"}) {
            if (path.startsWith(prefix) && path.length() > prefix.length()) {
                int end = path.indexOf('/', prefix.length());
                return prefix + "{token}" + (end < 0 ? "" : path.substring(end));
            }
        }
        return path;
    }
}
