using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CurationPipeline.Deidentification;
using CurationPipeline.Testing;

namespace CurationPipeline.Bench;

/// <summary>
/// De-identification speed (MB of UTF-8 text per second, one core) and leak-based recall, side by side with
/// npm redactors (redact-pii, openredaction) on the same English notes; plus Chinese speed and the gold scores.
/// Options: --notes N (default 2000), --passes P (3), --js-notes N (notes given to openredaction, 300),
/// --js none|redact-pii|openredaction|both (both), --presidio PATH (the presidio-research synthetic set, scored whole
/// and as its even (tuned-on) and odd (held-out) halves), --cehrner DIR (real de-identified Chinese EHR text: every
/// detection there is counted per category as a false positive).
/// </summary>
internal sealed partial class DeidBenchmark : IBenchmark
{
    // Defaults: the CURATE_EXTERNAL_DATA folder's copy when there, else the sample vendored under tests/data/external.
    private static string PresidioDefault => TestData.ExternalOrSample("presidio-synth-pii/synth_dataset_v2.json");

    private static string CehrnerDefault => TestData.ExternalOrSample("cehrner");

    public string Name => "deid";

    public string Description => "de-identification MB/s per core and recall vs npm redact-pii/openredaction";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var notesN = Option(args, "--notes", 2000);
        var passes = Option(args, "--passes", 3);
        var jsNotes = Option(args, "--js-notes", 300);
        var js = args.SkipWhile(a => a != "--js").Skip(1).FirstOrDefault() ?? "both";

        var en = new PhiNoteSynthesizer(4242, PhiTemplateSet.HeldOut).Generate(notesN, "en").ToList();
        var zh = new PhiNoteSynthesizer(4242, PhiTemplateSet.HeldOut).Generate(notesN, "zh").ToList();
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInfo()}");
        Console.WriteLine($"notes: {en.Count} English ({Bytes(en) / 1e6:0.00} MB), {zh.Count} Chinese ({Bytes(zh) / 1e6:0.00} MB), held-out templates, seed 4242");

        // Node and the npm redactors first: a missing Node stops the run before the long .NET passes.
        var node = "";
        if (js != "none")
        {
            try
            {
                node = await JsRedactor.EnsureInstalledAsync(cancellationToken);
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        }

        var mask = new Deidentifier(new DeidOptions { Mode = DeidMode.Mask });
        var surrogate = new Deidentifier(new DeidOptions());
        Console.WriteLine();
        Console.WriteLine("| engine | language | mode | notes | MB/s (1 core) | leak recall (spans) | leak recall (tokens) |");
        Console.WriteLine("|---|---|---|---:|---:|---:|---:|");
        IReadOnlyList<string> enMasked = [];
        foreach (var (notes, lang) in new[] { (en, "en"), (zh, "zh") })
        {
            foreach (var (deid, mode) in new[] { (mask, "mask"), (surrogate, "surrogate") })
            {
                var (mbps, outputs) = TimeDotNet(deid, notes, passes);
                var (spanR, tokenR) = LeakRecall(notes, outputs);
                Console.WriteLine(Row("CurationPipeline", lang, mode, notes.Count, mbps, spanR, tokenR));
                enMasked = lang == "en" && mode == "mask" ? outputs : enMasked;
            }
        }

        IReadOnlyList<string>? redactPii = null;
        foreach (var redactor in js switch { "both" => new[] { "redact-pii", "openredaction" }, "none" => [], _ => [js] })
        {
            var subset = redactor == "openredaction" ? en.Take(jsNotes).ToList() : en;
            var run = await JsRedactor.RunAsync(redactor, subset.Select(n => n.Text).ToList(), redactor == "openredaction" ? 1 : passes, cancellationToken);
            var (spanR, tokenR) = LeakRecall(subset, run.Redacted);
            Console.WriteLine(Row(redactor + " (npm, Node " + node + ")", "en", "placeholder", subset.Count, run.MegabytesPerSecond, spanR, tokenR));
            redactPii = redactor == "redact-pii" ? run.Redacted : redactPii;
            if (redactor == "openredaction")
            {
                var (ourMbps, ours) = TimeDotNet(mask, subset, 1);
                var (oS, oT) = LeakRecall(subset, ours);
                Console.WriteLine(Row("CurationPipeline (same subset)", "en", "mask", subset.Count, ourMbps, oS, oT));
            }
        }

        var leakCheck = redactPii is null || PrintLeakCheck(en, enMasked, redactPii);
        Console.WriteLine();
        Console.WriteLine("Gold scores (held-out templates, seed 4242, English then Chinese):");
        Console.WriteLine(DeidEvaluation.Evaluate(mask, en).ToMarkdown());
        Console.WriteLine(DeidEvaluation.Evaluate(mask, zh).ToMarkdown());
        Console.WriteLine("Chinese gold scores, development templates and surnames (tuned on), seed 1234:");
        Console.WriteLine(DeidEvaluation.Evaluate(mask, new PhiNoteSynthesizer(1234, PhiTemplateSet.Development).Generate(notesN, "zh")).ToMarkdown());

        // The external English set (general text, read in place): see docs/deidentification.md for the mapping.
        var presidio = args.SkipWhile(a => a != "--presidio").Skip(1).FirstOrDefault() ?? PresidioDefault;
        if (File.Exists(presidio))
        {
            var notes = PresidioSynthReader.Read(presidio);
            Console.WriteLine($"presidio-research synth_dataset_v2.json ({notes.Count} records):");
            Console.WriteLine(DeidEvaluation.Evaluate(mask, notes).ToMarkdown());

            // Rules were tuned on the even records only; the odd records are the held-out half.
            var dev = notes.Where((_, i) => i % 2 == 0).ToList();
            var test = notes.Where((_, i) => i % 2 == 1).ToList();
            Console.WriteLine($"presidio dev half (even records, {dev.Count}; tuned on):");
            Console.WriteLine(DeidEvaluation.Evaluate(mask, dev).ToMarkdown());
            Console.WriteLine($"presidio test half (odd records, {test.Count}; not looked at while tuning):");
            Console.WriteLine(DeidEvaluation.Evaluate(mask, test).ToMarkdown());

            // Safe Harbor keeps a bare year and a weekday; the dates it requires removed carry a day or a month.
            foreach (var (name, half) in new[] { ("dev", dev), ("test", test) })
            {
                var date = DeidEvaluation.Evaluate(mask, half.Select(SafeHarborDates))[PhiCategory.Date];
                Console.WriteLine($"presidio {name} half, dates with a day or month only: gold {date?.GoldSpans}, overlap recall {date?.OverlapRecall:P1}");
            }
            Console.WriteLine(UnlistedNameRecall(mask, dev));
            Console.WriteLine(CueOnlyPhoneRecall(mask, dev));
            if (js is "both" or "redact-pii")
            {
                var run = await JsRedactor.RunAsync("redact-pii", notes.Select(n => n.Text).ToList(), 1, cancellationToken);
                var (jsS, jsT) = LeakRecall(notes, run.Redacted);
                var (ourS, ourT) = LeakRecall(notes, notes.Select(n => mask.Deidentify(n.Text, n.Id).Text).ToList());
                Console.WriteLine($"presidio leak recall (scored types): CurationPipeline spans {ourS:P1} tokens {ourT:P1}; redact-pii spans {jsS:P1} tokens {jsT:P1}");
            }
        }
        else
        {
            Console.WriteLine($"presidio set not found at {presidio}; skipped");
        }

        Console.WriteLine(BogusAddressCoverage(mask));
        Console.WriteLine(BogusPhoneCoverage(mask));

        var cehr = args.SkipWhile(a => a != "--cehrner").Skip(1).FirstOrDefault() ?? CehrnerDefault;
        Console.WriteLine();
        Console.WriteLine(CehrnerFalsePositives(mask, cehr));
        Console.WriteLine(RealTextFalsePositives(mask));
        return leakCheck ? 0 : 1;
    }

    /// <summary>
    /// Gold span values still in the output, this library's mask mode beside redact-pii on the same English notes;
    /// passes when this library leaks fewer spans and at most 1 % of them.
    /// </summary>
    private static bool PrintLeakCheck(IReadOnlyList<GoldNote> notes, IReadOnlyList<string> ours, IReadOnlyList<string> redactPii)
    {
        var spans = notes.Sum(n => n.Spans.Count);
        int oursLeaked = Leaked(notes, ours), theirsLeaked = Leaked(notes, redactPii);
        var ok = oursLeaked < theirsLeaked && oursLeaked <= spans / 100;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"leaked gold spans on {notes.Count} English notes: CurationPipeline (mask) {oursLeaked} of {spans}, redact-pii {theirsLeaked}; fewer than redact-pii and at most 1 %: {(ok ? "PASS" : "FAIL")}"));
        return ok;

        static int Leaked(IReadOnlyList<GoldNote> notes, IReadOnlyList<string> outputs) =>
            notes.Select((n, i) => n.Spans.Count(s => outputs[i].Contains(n.Text.Substring(s.Start, s.Length), StringComparison.Ordinal))).Sum();
    }

    /// <summary>
    /// Street addresses in the formats of every Latin-script Bogus locale (40 per locale, seed 7, in five sentence
    /// frames): the share of their words (two or more letters or digits) that a detection covers. A development
    /// measure: the street-type and unit words of other languages were added while reading its misses.
    /// </summary>
    private static string BogusAddressCoverage(Deidentifier deid)
    {
        string[] frames = ["She lives at {0}.", "Send the letter to {0}, please.", "Address: {0}", "The clinic moved to {0} last year.", "{0}"];
        int addresses = 0, words = 0, covered = 0, locales = 0;
        var worst = new List<(string Locale, double Share)>();
        foreach (var locale in Bogus.Database.GetAllLocales().Order(StringComparer.Ordinal))
        {
            var faker = new Bogus.Faker(locale) { Random = new Bogus.Randomizer(7) };
            int localeWords = 0, localeCovered = 0;
            for (var i = 0; i < 40; i++)
            {
                var address = i % 2 == 0 ? faker.Address.StreetAddress() : faker.Address.StreetAddress(useFullAddress: true);
                if (address.Any(c => c >= '\u0250'))
                {
                    break; // not a Latin-script locale
                }

                var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, frames[i % frames.Length], address);
                var start = text.IndexOf(address, StringComparison.Ordinal);
                var found = deid.Detect(text);
                addresses++;
                foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(address, @"[\p{L}\d]{2,}"))
                {
                    var at = start + m.Index;
                    localeWords++;
                    localeCovered += found.Any(p => p.Start <= at && at + m.Length <= p.Start + p.Length) ? 1 : 0;
                }
            }

            if (localeWords > 0)
            {
                locales++;
                words += localeWords;
                covered += localeCovered;
                worst.Add((locale, (double)localeCovered / localeWords));
            }
        }

        var lowest = string.Join(", ", worst.OrderBy(w => w.Share).Take(5).Select(w => $"{w.Locale} {w.Share:P0}"));
        return $"Bogus street addresses ({addresses} in {locales} Latin-script locales; development set): {(double)covered / words:P1} of their words covered; lowest: {lowest}";
    }

    /// <summary>
    /// Phone numbers in the formats of every Bogus locale (60 per locale, seed 13, in six sentence frames, one of
    /// them the number alone): the share whose every digit a detection covers. A development measure, like the
    /// street addresses above.
    /// </summary>
    private static string BogusPhoneCoverage(Deidentifier deid)
    {
        string[] frames = ["Call me at {0} tomorrow.", "Phone: {0}", "You can reach her on {0} or by e-mail.", "{0}", "Tel. {0} (mobile)", "His number is {0}."];
        int phones = 0, covered = 0;
        var worst = new List<(string Locale, double Share)>();
        foreach (var locale in Bogus.Database.GetAllLocales().Order(StringComparer.Ordinal))
        {
            var faker = new Bogus.Faker(locale) { Random = new Bogus.Randomizer(13) };
            var localeCovered = 0;
            for (var i = 0; i < 60; i++)
            {
                var phone = faker.Phone.PhoneNumber();
                var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, frames[i % frames.Length], phone);
                var start = text.IndexOf(phone, StringComparison.Ordinal);
                var found = deid.Detect(text);
                var all = Enumerable.Range(start, phone.Length).Where(at => char.IsAsciiDigit(text[at]))
                    .All(at => found.Any(p => p.Start <= at && at < p.Start + p.Length));
                localeCovered += all ? 1 : 0;
            }

            phones += 60;
            covered += localeCovered;
            worst.Add((locale, localeCovered / 60.0));
        }

        var lowest = string.Join(", ", worst.OrderBy(w => w.Share).Take(5).Select(w => $"{w.Locale} {w.Share:P0}"));
        return $"Bogus phone numbers ({phones} in {worst.Count} locales; development set): {(double)covered / phones:P1} with every digit covered; lowest: {lowest}";
    }

    /// <summary>
    /// The presidio dev half with every gold name word replaced by a name from Bogus locales whose names the lists do
    /// not load (hr, id_ID, lv, pt_PT, az), keeping its case; only words with no English reading that the detector
    /// does not take on their own ("The word is X.") are drawn, so every name must be found by its context alone (which
    /// name is drawn then does not matter). The share of names a Name detection overlaps. A development measure: it
    /// shows which person contexts depend on the name lists.
    /// </summary>
    private static string UnlistedNameRecall(Deidentifier deid, IReadOnlyList<GoldNote> dev)
    {
        var pool = new List<string>();
        foreach (var locale in new[] { "hr", "id_ID", "lv", "pt_PT", "az" })
        {
            foreach (var path in new[] { "first_name", "male_first_name", "female_first_name", "last_name" })
            {
                if (Bogus.Database.Get("name", path, locale) is Bogus.Bson.BArray array)
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        pool.Add(array[i].StringValue);
                    }
                }
            }
        }

        pool = [.. pool.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Where(w => w.Length > 2 && w.All(c => char.IsLetter(c) && c < '\u0250') && NameShape.NotEnglish(w) && deid.Detect($"The word is {w}.").Count == 0)];
        var random = new Random(1);
        var (found, names) = RedrawnRecall(deid, dev, PhiCategory.Name,
            value => string.Join(' ', value.Split(' ').Select(w => w.Length <= 2 ? w : Cased(pool[random.Next(pool.Count)], w))));
        return $"presidio dev half, every name replaced by an unlisted one ({pool.Count} names of Bogus hr, id_ID, lv, pt_PT, az; development measure): {(double)found / names:P1} of {names} names found by context alone";

        static string Cased(string name, string like) =>
            like.All(c => !char.IsUpper(c)) ? name.ToLowerInvariant() : like.All(c => !char.IsLower(c)) ? name.ToUpperInvariant() : name;
    }

    /// <summary>
    /// The presidio dev half with every gold phone replaced by a Bogus phone number (any locale, seed 17) of a shape
    /// that other numbers share, so that the detector takes it after "Phone:" but not in "The value is X." ("374 780
    /// 163", "9469 9966"): each must be found from the words around it. The share of phones a Phone detection covers
    /// whole. A development measure: it shows which phone contexts only work because the number happens to have a
    /// phone's shape.
    /// </summary>
    private static string CueOnlyPhoneRecall(Deidentifier deid, IReadOnlyList<GoldNote> dev)
    {
        var pool = new List<string>();
        foreach (var locale in Bogus.Database.GetAllLocales().Order(StringComparer.Ordinal))
        {
            var faker = new Bogus.Faker(locale) { Random = new Bogus.Randomizer(17) };
            for (var i = 0; i < 40; i++)
            {
                var phone = faker.Phone.PhoneNumber();
                if (phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '(' or ')' or '+' or '/') &&
                    !deid.Detect($"The value is {phone}.").Any(p => p.Category == PhiCategory.Phone) &&
                    deid.Detect($"Phone: {phone}").Any(p => p.Category == PhiCategory.Phone))
                {
                    pool.Add(phone);
                }
            }
        }

        pool = [.. pool.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var random = new Random(1);
        var (found, phones) = RedrawnRecall(deid, dev, PhiCategory.Phone, _ => pool[random.Next(pool.Count)], whole: true);
        return $"presidio dev half, every phone replaced by one of a shape other numbers share ({pool.Count} Bogus numbers; development measure): {(double)found / phones:P1} of {phones} phones found by context alone";
    }

    /// <summary>
    /// Rewrites every gold span of <paramref name="category"/> in the notes with <paramref name="redraw"/> and counts
    /// the redrawn spans a detection of that category overlaps (or, with <paramref name="whole"/>, covers).
    /// </summary>
    private static (int Found, int Spans) RedrawnRecall(
        Deidentifier deid, IReadOnlyList<GoldNote> notes, PhiCategory category, Func<string, string> redraw, bool whole = false)
    {
        int spans = 0, found = 0;
        foreach (var note in notes)
        {
            var text = new System.Text.StringBuilder();
            var redrawn = new List<(int Start, int End)>();
            var pos = 0;
            foreach (var g in note.Spans.OrderBy(g => g.Start))
            {
                if (g.Start < pos)
                {
                    continue;
                }

                text.Append(note.Text, pos, g.Start - pos);
                var value = note.Text.Substring(g.Start, g.Length);
                if (g.Category == category)
                {
                    value = redraw(value);
                    redrawn.Add((text.Length, text.Length + value.Length));
                }

                text.Append(value);
                pos = g.End;
            }

            text.Append(note.Text, pos, note.Text.Length - pos);
            var detected = deid.Detect(text.ToString()).Where(d => d.Category == category).ToList();
            spans += redrawn.Count;
            found += redrawn.Count(n => detected.Any(d => whole
                ? d.Start <= n.Start && n.End <= d.Start + d.Length
                : d.Start < n.End && n.Start < d.Start + d.Length));
        }

        return (found, spans);
    }

    /// <summary>The note with its bare-year and weekday-only date spans ("2014", "Sunday") moved to the unscored ones.</summary>
    private static GoldNote SafeHarborDates(GoldNote note)
    {
        static bool Kept(string v) =>
            System.Text.RegularExpressions.Regex.IsMatch(v.Trim(), @"^(?:(?:19|20)\d\d|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:\s+(?:morning|afternoon|evening|night))?)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        var kept = note.Spans.Where(s => s.Category == PhiCategory.Date && Kept(note.Text.Substring(s.Start, s.Length))).ToList();
        return note with { Spans = [.. note.Spans.Except(kept)], Unscored = [.. note.Unscored, .. kept] };
    }

    /// <summary>
    /// Characters removed per 10,000 from real dialogues without patients' data (CMDD, CMtMedQA, Toyhom; the copies
    /// in CURATE_EXTERNAL_DATA when there, else the vendored samples), per category, with every detection but dates.
    /// </summary>
    private static string RealTextFalsePositives(Deidentifier deid)
    {
        var sb = new StringBuilder("Real dialogues without patients' data (removed characters per 10,000; dates, links and place-named hospitals are removed by design):\n");
        foreach (var (name, texts) in new (string, Func<IEnumerable<string>>)[]
                 {
                     ("CMDD", () => RealText.Cmdd(TestData.ExternalOrSample("cmdd"))),
                     ("CMtMedQA", () => RealText.CmtMedQa(TestData.ExternalOrSample("cmtmedqa/CMtMedQA_test.sample.json"))),
                     ("Toyhom", () => RealText.Toyhom(TestData.ExternalOrSample("toyhom-med-dialogue/IM_neike_sample.csv"))),
                 })
        {
            var r = FalsePositiveReport.Measure(deid, texts());
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"{name}: {r.Texts} texts, {r.Characters} characters, all {r.RemovedPer10000():0.00}, without dates/links/hospitals {r.RemovedPer10000(PhiCategory.Date, PhiCategory.Url, PhiCategory.Organization):0.00}");
            foreach (var d in r.Detections.Where(d => d.Category != PhiCategory.Date))
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"  {d.Category}: {d.Context}");
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Detections per category on cEHRNER (real Chinese EHR passages whose personal data was removed before
    /// publication): a detection there is a false positive, except that the corpus kept real visit dates.
    /// </summary>
    private static string CehrnerFalsePositives(Deidentifier deid, string folder)
    {
        var files = new[] { "dev.json", "test.json" }.Select(f => Path.Combine(folder, f)).Where(File.Exists).ToList();
        if (files.Count == 0)
        {
            return $"cEHRNER not found at {folder}; skipped";
        }

        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int records = 0, chars = 0;
        foreach (var file in files)
        {
            foreach (var line in File.ReadLines(file).Where(l => l.Length > 0))
            {
                using var doc = System.Text.Json.JsonDocument.Parse(line);
                var text = doc.RootElement.GetProperty("text").GetString() ?? "";
                records++;
                chars += text.Length;
                foreach (var span in deid.Detect(text))
                {
                    counts[span.Category.ToString()] = counts.GetValueOrDefault(span.Category.ToString()) + 1;
                }
            }
        }

        var sb = new StringBuilder($"cEHRNER false-positive check ({records} records, {chars} characters): ");
        sb.Append(counts.Count == 0 ? "no detections" : string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}")));
        return sb.ToString();
    }

    private static (double MegabytesPerSecond, IReadOnlyList<string> Outputs) TimeDotNet(Deidentifier deid, List<GoldNote> notes, int passes)
    {
        // Two full unmeasured passes first, so that the measured passes run tier-1 JIT code even when the
        // background JIT thread is slowed by other load on the machine.
        for (var warm = 0; warm < 2; warm++)
        {
            foreach (var n in notes)
            {
                deid.Deidentify(n.Text, n.PatientId);
            }
        }

        // Best pass by thread CPU time: the build machine is shared, so wall time measures the neighbours.
        var outputs = new string[notes.Count];
        var best = double.MaxValue;
        for (var p = 0; p < passes; p++)
        {
            var cpu0 = ThreadCpuSeconds();
            for (var i = 0; i < notes.Count; i++)
            {
                outputs[i] = deid.Deidentify(notes[i].Text, notes[i].PatientId, "bench").Text;
            }

            best = Math.Min(best, ThreadCpuSeconds() - cpu0);
        }

        return (Bytes(notes) / 1e6 / best, outputs);
    }

    /// <summary>
    /// Recall that needs no offsets into the redacted text, so it applies to any redactor: a gold span is
    /// caught when its value no longer occurs in the output; a gold token (word, or Chinese character run)
    /// when it no longer occurs as a whole word.
    /// </summary>
    private static (double Spans, double Tokens) LeakRecall(IReadOnlyList<GoldNote> notes, IReadOnlyList<string> outputs)
    {
        int spans = 0, spansCaught = 0, tokens = 0, tokensCaught = 0;
        for (var i = 0; i < notes.Count; i++)
        {
            var note = notes[i];
            var output = outputs[i];
            foreach (var s in note.Spans)
            {
                var value = note.Text.Substring(s.Start, s.Length);
                spans++;
                if (!output.Contains(value, StringComparison.Ordinal))
                {
                    spansCaught++;
                }

                foreach (Match t in Token().Matches(value))
                {
                    tokens++;
                    if (!Regex.IsMatch(output, @"(?<![\p{L}\p{N}])" + Regex.Escape(t.Value) + @"(?![\p{L}\p{N}])"))
                    {
                        tokensCaught++;
                    }
                }
            }
        }

        return ((double)spansCaught / Math.Max(1, spans), (double)tokensCaught / Math.Max(1, tokens));
    }

    private static string Row(string engine, string lang, string mode, int notes, double mbps, double spanR, double tokenR) =>
        string.Create(CultureInfo.InvariantCulture, $"| {engine} | {lang} | {mode} | {notes} | {mbps:0.00} | {spanR * 100:0.0}% | {tokenR * 100:0.0}% |");

    private static long Bytes(IEnumerable<GoldNote> notes) => notes.Sum(n => (long)Encoding.UTF8.GetByteCount(n.Text));

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) ? v : fallback;
    }

    /// <summary>CPU time of the calling thread (Linux: clock_gettime(CLOCK_THREAD_CPUTIME_ID)).</summary>
    private static double ThreadCpuSeconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(3, out var ts) == 0)
        {
            return ts.Seconds + ts.Nanoseconds / 1e9;
        }

        return Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clockId, out TimeSpec ts);

    private static string RuntimeInfo() => $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}";

    [GeneratedRegex(@"[\p{L}\p{N}]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
