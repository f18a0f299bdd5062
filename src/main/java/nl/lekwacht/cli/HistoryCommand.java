package nl.lekwacht.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import nl.lekwacht.config.LekwachtConfig;
import nl.lekwacht.history.SentMailImport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code history import}: learns a sender's correspondents from an exported Sent folder. Idempotent (a
 * message is learned once however often it is imported), and when nothing can be learned it says why.
 */
@Command(name = "history", mixinStandardHelpOptions = true, description = "Correspondence history.", subcommands = HistoryCommand.Import.class)
final class HistoryCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("usage: history import (--mbox FILE | --dir DIR) --sender ADDR");
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Learn correspondents from an exported Sent folder (mbox or .eml files).",
                    "Importing the same folder again learns nothing twice. With PostgreSQL it runs while the "
                            + "gateway runs (which sees the result within history.refresh); with the H2 file "
                            + "store, stop the gateway first."})
    static final class Import implements Callable<Integer> {

        static final class Source {
            @Option(names = "--mbox", description = "an mbox file", required = true)
            Path mbox;

            @Option(names = "--dir", description = "a directory of .eml files", required = true)
            Path dir;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        @Option(names = "--sender", required = true, description = "the internal address whose Sent folder this is")
        String sender;

        @Option(names = "--config", description = "configuration file (default: ${DEFAULT-VALUE})")
        Path config = ConfigFiles.DEFAULT;

        @Override
        public Integer call() throws Exception {
            PrintStream err = System.err;
            LekwachtConfig loaded = ConfigFiles.loadValid(config, err);
            if (loaded == null) {
                return Commands.ERROR;
            }
            if (!loaded.organisation().isInternal(sender)) {
                err.println("nothing to learn: " + sender + " is not an address of the organisation "
                        + "(organisation.internal-domains: " + String.join(", ", loaded.organisation().internalDomains())
                        + "); history is kept for the organisation's own senders, so give the internal address "
                        + "whose Sent folder this is");
                return Commands.ERROR;
            }
            Path from = source.mbox != null ? source.mbox : source.dir;
            if (source.mbox != null ? !Files.isRegularFile(from) : !Files.isDirectory(from)) {
                err.println(from + ": no such " + (source.mbox != null ? "file" : "directory"));
                return Commands.ERROR;
            }
            StoreHistory history;
            try {
                history = StoreHistory.open(loaded);
            } catch (RuntimeException e) {
                err.println(StoreHistory.whyNotOpened(loaded.store(), e));
                return Commands.ERROR;
            }
            SentMailImport.Result result;
            try (history) {
                SentMailImport importer = new SentMailImport(history.service(), System.out, Clock.systemUTC());
                result = source.mbox != null ? importer.importMbox(source.mbox, sender)
                        : importer.importDirectory(source.dir, sender);
            } catch (SentMailImport.NotAnMbox e) {
                err.println(e.getMessage());
                return Commands.ERROR;
            }
            System.out.println(result.summary());
            whyNothingWasLearned(result, from).ifPresent(System.out::println);
            return 0;
        }

        private java.util.Optional<String> whyNothingWasLearned(SentMailImport.Result result, Path from) {
            if (result.learned() > 0) {
                return java.util.Optional.empty();
            }
            if (result.messages() == 0) {
                return java.util.Optional.of("nothing learned: no messages in " + from
                        + (source.dir != null ? " (only files ending in .eml are read)" : ""));
            }
            if (result.alreadyLearned() > 0 && result.alreadyLearned() + result.withoutExternal()
                    + result.unreadable() == result.messages()) {
                return java.util.Optional.of("nothing new learned: these messages were imported (or relayed) before");
            }
            if (result.withoutExternal() == result.messages()) {
                return java.util.Optional.of("nothing learned: no message has a recipient outside "
                        + "organisation.internal-domains; is this the Sent folder of " + sender + "?");
            }
            return java.util.Optional.of("nothing learned: no message could be read");
        }
    }
}
