// Usage: dotnet HealthProbe.dll [url]   (default http://127.0.0.1:8080/health). Exit 0 when the answer is 2xx.
var url = args.Length > 0 ? args[0] : "http://127.0.0.1:8080/health";
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
try
{
    using var response = await http.GetAsync(new Uri(url));
    Console.WriteLine($"{url}: {(int)response.StatusCode}");
    return response.IsSuccessStatusCode ? 0 : 1;
}
catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
{
    Console.WriteLine($"{url}: {exception.Message}");
    return 1;
}
