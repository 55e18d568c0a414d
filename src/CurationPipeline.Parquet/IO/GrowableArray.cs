namespace CurationPipeline.Parquet.IO;

/// <summary>A list of unmanaged values that exposes its storage as a span and keeps it between row groups.</summary>
internal sealed class GrowableArray<T>
    where T : unmanaged
{
    private T[] _items;

    public GrowableArray(int capacity = 256) => _items = new T[capacity];

    public int Count { get; private set; }

    public Span<T> Span => _items.AsSpan(0, Count);

    public T this[int index] => _items[index];

    public void Add(T item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = item;
    }

    public void Clear() => Count = 0;

    /// <summary>Drops storage beyond <paramref name="capacity"/> so one huge row group does not pin memory for the rest.</summary>
    public void Trim(int capacity)
    {
        Count = 0;
        if (_items.Length > capacity * 2)
        {
            _items = new T[capacity];
        }
    }
}
