package nl.lekwacht.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import nl.lekwacht.config.LekwachtConfig;
import nl.lekwacht.history.SentMailImport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code history import}: learns a sender's correspondents from an exported Sent folder. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "Correspondence history.", subcommands = HistoryCommand.Import.class)
final class HistoryCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("usage: history import (--mbox FILE | --dir DIR) --sender ADDR");
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Learn correspondents from an exported Sent folder (mbox or .eml files).")
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
            LekwachtConfig loaded = ConfigFiles.loadValid(config, System.err);
            if (loaded == null) {
                return Commands.ERROR;
            }
            try (StoreHistory history = StoreHistory.open(loaded)) {
                SentMailImport importer = new SentMailImport(history.service(), System.out, Clock.systemUTC());
                SentMailImport.Result result = source.mbox != null ? importer.importMbox(source.mbox, sender)
                        : importer.importDirectory(source.dir, sender);
                System.out.printf("imported %d message(s), learned %d, unreadable %d, learned before %d%n",
                        result.messages(), result.learned(), result.unreadable(), result.alreadyLearned());
            }
            return 0;
        }
    }
}
