using System.ClientModel;

namespace Tollgate.Evaluation;

/// <summary>
/// Runs a suite: selects cases, calls the system under test with bounded, adaptive concurrency, repeats attempts,
/// evaluates assertions, records progress for resume, and reports live totals. Usable without the Tollgate engine.
/// </summary>
public sealed class EvaluationRunner(TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Runs <paramref name="suite"/>.</summary>
    public async Task<EvalRunResult> RunAsync(EvalSuite suite, EvalRunOptions options, IEvalObserver? observer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Repeat < 1 || options.MinPass is < 1 || options.MinPass > options.Repeat)
        {
            throw new TollgateException($"repeat {options.Repeat} / min-pass {options.MinPass} is invalid: need repeat ≥ 1 and 1 ≤ min-pass ≤ repeat");
        }

        var started = _time.GetTimestamp();
        var selected = CaseSelection.Select(suite.Cases, options);
        var limiter = new AdaptiveConcurrency(options.Concurrency ?? suite.Concurrency ?? 8);
        await using var session = await ProviderSession.CreateAsync(suite, options, limiter, cancellationToken).ConfigureAwait(false);
        using var resume = options.ResumeFile is null ? null : ResumeLog.Open(options.ResumeFile, RunIdentity.Of(suite, options), options.Masker);
        var prices = new PriceTable(suite.Prices);
        var minPass = options.MinPass ?? options.Repeat;
        var results = new CaseResult?[selected.Count];
        var totals = new Totals(selected.Count);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = new List<Task>();
        var resumed = 0;

        for (var i = 0; i < selected.Count && !stop.IsCancellationRequested; i++)
        {
            var evalCase = selected[i];
            if (resume?.Completed.TryGetValue(evalCase.Id, out var done) == true)
            {
                results[i] = done;
                resumed++;
                totals.Add(done, observer);
                continue;
            }

            try
            {
                await limiter.WaitAsync(stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Fail-fast or the caller stopped the run: start nothing more, let the running cases finish below.
                break;
            }

            var index = i;
            running.Add(Task.Run(async () =>
            {
                try
                {
                    var result = await RunCaseAsync(evalCase, suite, options, session, prices, minPass, stop.Token).ConfigureAwait(false);
                    results[index] = result;
                    resume?.Append(result);
                    totals.Add(result, observer);
                    if (options.FailFast && !result.Passed)
                    {
                        await stop.CancelAsync().ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    // Fail-fast stopped this case; it is reported as not run below.
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Whatever went wrong, the case stays in the report with its error: a dropped case would let the gates pass on fewer cases.
                    var failed = NotRun(evalCase, suite, $"the case could not be evaluated: {e.GetType().Name}: {e.Message}");
                    results[index] = failed;
                    totals.Add(failed, observer);
                }
                finally
                {
                    limiter.Release();
                }
            }, CancellationToken.None));
            running.RemoveAll(t => t.IsCompleted);
        }

        await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        cancellationToken.ThrowIfCancellationRequested();
        await Task.WhenAll(running).ConfigureAwait(false);
        var stoppedEarly = results.Any(r => r is null);
        var cases = results.Select((r, i) => r ?? NotRun(selected[i], suite, "not run: the run stopped at the first failing case (--eval-fail-fast)")).ToList();
        return new EvalRunResult(suite.Name, cases)
        {
            TotalCases = suite.Cases.Count,
            SelectedCases = selected.Count,
            Sample = options.Sample,
            Repeat = options.Repeat,
            MinPass = minPass,
            StoppedEarly = stoppedEarly,
            Resumed = resumed,
            Duration = _time.GetElapsedTime(started),
            CacheHits = session.Cache?.Hits ?? 0,
            CacheMisses = session.Cache?.Misses ?? 0,
            ModelCallsReplayed = (options.ModelCalls?.Replayed ?? 0) + (session.OwnModelCalls?.Replayed ?? 0),
            ModelCallsForwarded = (options.ModelCalls?.Forwarded ?? 0) + (session.OwnModelCalls?.Forwarded ?? 0),
            ModelCallsMissed = (options.ModelCalls?.Missed ?? 0) + (session.OwnModelCalls?.Missed ?? 0),
            JudgeCallsReplayed = (options.ModelCalls?.JudgeReplayed ?? 0) + (session.OwnModelCalls?.JudgeReplayed ?? 0),
            JudgeCallsForwarded = (options.ModelCalls?.JudgeForwarded ?? 0) + (session.OwnModelCalls?.JudgeForwarded ?? 0),
            JudgeCallsMissed = (options.ModelCalls?.JudgeMissed ?? 0) + (session.OwnModelCalls?.JudgeMissed ?? 0),
            Retries = session.Retries,
            LowestConcurrency = Math.Min(limiter.LowestLimit, limiter.Maximum),
            Seed = options.Seed,
        };
    }

    private static async Task<CaseResult> RunCaseAsync(EvalCase evalCase, EvalSuite suite, EvalRunOptions options, ProviderSession session, PriceTable prices, int minPass, CancellationToken cancellationToken)
    {
        var attempts = new List<AttemptResult>(options.Repeat);
        var assertions = suite.DefaultAssertions.Concat(evalCase.Assertions).ToList();
        var baselineOutput = options.Baseline?.Cases.TryGetValue(evalCase.Id, out var baselineCase) == true ? baselineCase.Output : null;
        for (var attempt = 1; attempt <= options.Repeat; attempt++)
        {
            TargetResponse response;
            try
            {
                response = await session.InvokeAsync(evalCase, attempt, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ProviderException or CacheMissException or CacheEntryException or HttpRequestException or TimeoutException or ClientResultException)
            {
                var reason = $"the provider could not answer: {e.Message}";
                attempts.Add(new AttemptResult(attempt, null, [.. assertions.Select(a => new AssertionResult(a.Type, a.MetricName, AssertionStatus.NotRun, null, reason) { Weight = a.Weight, Required = a.Required })])
                {
                    Error = e.Message,
                });
                continue;
            }

            var cost = prices.Cost(response.Model ?? suite.Provider.Model, response.Usage);
            var context = new AssertionContext(evalCase, response, cost, session.Judge, baselineOutput, attempt);
            var results = new List<AssertionResult>(assertions.Count);
            foreach (var assertion in assertions)
            {
                results.Add(await AssertionEvaluator.EvaluateAsync(assertion, context, cancellationToken).ConfigureAwait(false));
            }

            var judgeUsage = results.Aggregate(TokenUsage.None, (sum, r) => sum + (r.JudgeUsage ?? TokenUsage.None));
            cost += prices.Cost(session.Judge.Model, judgeUsage);
            attempts.Add(new AttemptResult(attempt, response.Output, results)
            {
                JudgeUsage = judgeUsage,
                RetrievedIds = response.RetrievedIds,
                LatencyMs = response.LatencyMs,
                Usage = response.Usage,
                CostUsd = cost,
                Model = response.Model,
                Cached = response.Cached,
                Error = results.FirstOrDefault(r => r.Status == AssertionStatus.Error)?.Reason,
            });
        }

        return new CaseResult(evalCase.Id, evalCase.Tags, attempts, attempts.Count(a => a.Passed) >= minPass);
    }

    private static CaseResult NotRun(EvalCase evalCase, EvalSuite suite, string reason)
    {
        var assertions = suite.DefaultAssertions.Concat(evalCase.Assertions)
            .Select(a => new AssertionResult(a.Type, a.MetricName, AssertionStatus.NotRun, null, reason) { Weight = a.Weight, Required = a.Required });
        return new CaseResult(evalCase.Id, evalCase.Tags, [new AttemptResult(1, null, [.. assertions]) { Error = reason }], false);
    }

    /// <summary>Running totals; observers are called one at a time.</summary>
    private sealed class Totals(int total)
    {
        private readonly Lock _gate = new();
        private int _done;
        private int _passed;
        private long _tokens;
        private double _cost;

        public void Add(CaseResult result, IEvalObserver? observer)
        {
            lock (_gate)
            {
                _done++;
                _passed += result.Passed ? 1 : 0;
                _tokens += result.Tokens;
                _cost += result.CostUsd;
                observer?.OnCaseCompleted(result, new EvalProgress(_done, total, _passed, _tokens, _cost));
            }
        }
    }
}
